package dev.softdelete.hibernate.model;

import dev.softdelete.hibernate.CoalescingRead;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** V2 of a user during {@code cr_users.full_name -> display_name}, read through {@link CoalescingRead}. */
@Entity
@Table(name = "cr_users")
public class CoalescedUser {

    @Id
    public Long id;

    @Column(name = "display_name")
    @CoalescingRead(migration = "cr_users.full_name->display_name", oldColumn = "full_name")
    public String displayName;

    protected CoalescedUser() {
    }
}
