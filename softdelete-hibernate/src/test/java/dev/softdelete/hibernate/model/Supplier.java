package dev.softdelete.hibernate.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Not soft-deletable: the API refuses it. */
@Entity
@Table(name = "suppliers")
public class Supplier {

    @Id
    public Long id;
    public String name;

    protected Supplier() {
    }

    public Supplier(long id, String name) {
        this.id = id;
        this.name = name;
    }
}
