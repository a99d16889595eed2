package dev.softdelete.hibernate.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "cars")
public class Car extends Vehicle {

    public int seats;

    protected Car() {
    }

    public Car(long id, String plate, int seats) {
        super(id, plate);
        this.seats = seats;
    }
}
