package dev.softdelete.hibernate.model;

import dev.softdelete.hibernate.SoftDeletable;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "products")
@SoftDeletable(deletedBy = "deleted_by")
public class Product {

    @Id
    public Long id;
    public String sku;
    public String name;

    @OneToMany(mappedBy = "product", cascade = CascadeType.ALL, orphanRemoval = true)
    public List<ProductAsset> assets = new ArrayList<>();

    @OneToMany(mappedBy = "product", cascade = CascadeType.REMOVE)
    public List<ProductAttribute> attributes = new ArrayList<>();

    protected Product() {
    }

    public Product(long id, String sku, String name) {
        this.id = id;
        this.sku = sku;
        this.name = name;
    }
}
