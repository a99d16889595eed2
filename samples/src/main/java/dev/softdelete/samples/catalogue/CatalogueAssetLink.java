package dev.softdelete.samples.catalogue;

import dev.softdelete.hibernate.SoftDeletable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** The link between a product and an asset (cascade REMOVE from the product and from the asset). */
@Entity
@Table(name = "product_assets")
@SoftDeletable(deletedBy = "deleted_by")
public class CatalogueAssetLink {

    @Id
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "asset_id")
    public CatalogueAsset asset;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "product_id")
    public CatalogueProduct product;

    protected CatalogueAssetLink() {
    }
}
