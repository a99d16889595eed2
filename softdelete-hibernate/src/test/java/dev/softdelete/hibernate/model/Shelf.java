package dev.softdelete.hibernate.model;

import dev.softdelete.hibernate.SoftDeletable;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;

/** A soft-deletable entity in the second-level cache. */
@Entity
@Table(name = "shelves")
@Cacheable
@Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
@SoftDeletable
public class Shelf {

    @Id
    public Long id;
    public String label;

    protected Shelf() {
    }

    public Shelf(long id, String label) {
        this.id = id;
        this.label = label;
    }
}
