package dev.softdelete.spring.gadget;

import dev.softdelete.hibernate.SoftDeletable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A soft-deletable entity for the Spring Boot integration test. */
@Entity
@Table(name = "gadgets")
@SoftDeletable(deletedBy = "deleted_by")
public class Gadget {

    @Id
    private Long id;

    private String name;

    protected Gadget() {
    }

    public Gadget(Long id, String name) {
        this.id = id;
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }
}
