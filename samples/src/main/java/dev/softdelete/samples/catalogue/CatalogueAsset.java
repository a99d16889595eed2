package dev.softdelete.samples.catalogue;

import dev.softdelete.hibernate.SoftDeletable;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** An asset (an image, a manual) that products link to; deleting it deletes its links (cascade REMOVE). */
@Entity
@Table(name = "assets")
@SoftDeletable(deletedBy = "deleted_by")
public class CatalogueAsset {

    @Id
    public Long id;
    public String url;

    @OneToMany(mappedBy = "asset", cascade = CascadeType.REMOVE)
    public List<CatalogueAssetLink> links = new ArrayList<>();

    protected CatalogueAsset() {
    }

    public CatalogueAsset(long id, String url) {
        this.id = id;
        this.url = url;
    }
}
