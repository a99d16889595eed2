package dev.softdelete.hibernate.model;

import dev.softdelete.hibernate.SoftDeletable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** Versioned, with a custom marker column name and no deleted-by column. */
@Entity
@Table(name = "notes")
@SoftDeletable(column = "removed_at")
public class Note {

    @Id
    public Long id;
    public String body;
    @Version
    public int version;

    protected Note() {
    }

    public Note(long id, String body) {
        this.id = id;
        this.body = body;
    }
}
