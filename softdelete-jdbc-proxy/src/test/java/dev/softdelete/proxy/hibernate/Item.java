package dev.softdelete.proxy.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.SoftDelete;
import org.hibernate.annotations.SoftDeleteType;

/** A soft-deleted test entity: Hibernate filters {@code deleted_at} itself. */
@Entity
@Table(name = "items")
@SoftDelete(strategy = SoftDeleteType.TIMESTAMP, columnName = "deleted_at")
public class Item {
    @Id
    Long id;
    String name;
    @ManyToOne
    Customer owner;

    protected Item() {
    }

    Item(Long id, String name, Customer owner) {
        this.id = id;
        this.name = name;
        this.owner = owner;
    }
}
