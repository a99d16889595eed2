package dev.softdelete.hibernate.model;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

@Entity
@DiscriminatorValue("invoice")
public class Invoice extends Document {

    public long amount;

    protected Invoice() {
    }

    public Invoice(long id, String title, long amount) {
        super(id, title);
        this.amount = amount;
    }
}
