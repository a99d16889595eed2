package dev.softdelete.hibernate.model;

import dev.softdelete.hibernate.SoftDeletable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Table;

/** Joined inheritance root: the marker lives in the root table. */
@Entity
@Table(name = "vehicles")
@Inheritance(strategy = InheritanceType.JOINED)
@SoftDeletable
public class Vehicle {

    @Id
    public Long id;
    public String plate;

    protected Vehicle() {
    }

    public Vehicle(long id, String plate) {
        this.id = id;
        this.plate = plate;
    }
}
