package dev.softdelete.spring.app;

import dev.softdelete.hibernate.SoftDeletable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The application's soft-deletable entity. */
@Entity
@Table(name = "widgets")
@SoftDeletable(deletedBy = "deleted_by")
public class Widget {

    @Id
    private Long id;

    private String name;

    protected Widget() {
    }

    public Widget(Long id, String name) {
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
