package dev.softdelete.proxy.hibernate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A test entity that still maps a deprecated column. */
@Entity
@Table(name = "customers")
public class Customer {
    @Id
    Long id;
    String email;
    @Column(name = "legacy_email")
    String legacyEmail;

    protected Customer() {
    }

    Customer(Long id, String email, String legacyEmail) {
        this.id = id;
        this.email = email;
        this.legacyEmail = legacyEmail;
    }
}
