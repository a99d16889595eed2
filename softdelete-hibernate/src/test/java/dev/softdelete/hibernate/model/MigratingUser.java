package dev.softdelete.hibernate.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

/**
 * Application version V2 of a user during the field migration {@code full_name -> display_name}:
 * it maps only the new column, and reads it coalescing (new when set, else old), as
 * docs/field-migrations.md says V2 does.
 */
@Entity
@Table(name = "fm_users")
public class MigratingUser {

    @Id
    public Long id;

    @Column(name = "display_name")
    @ColumnTransformer(read = "COALESCE(display_name, full_name)")
    public String displayName;

    protected MigratingUser() {
    }

    public MigratingUser(long id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }
}
