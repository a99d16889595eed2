package dev.softdelete.samples.catalogue;

import dev.softdelete.hibernate.SoftDeletable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A user of the catalogue, owner of products (by {@code products.owner_id}). */
@Entity
@Table(name = "users")
@SoftDeletable(deletedBy = "deleted_by")
public class CatalogueUser {

    @Id
    public Long id;
    public String email;
    @Column(name = "last_login_at")
    public LocalDateTime lastLoginAt;

    protected CatalogueUser() {
    }

    public CatalogueUser(long id, String email) {
        this.id = id;
        this.email = email;
    }
}
