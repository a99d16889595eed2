package dev.softdelete.hibernate.bootstrap;

import dev.softdelete.hibernate.SoftDeletable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A composite key: refused at bootstrap with a clear message. */
@Entity
@Table(name = "line_items")
@IdClass(LineItem.Key.class)
@SoftDeletable
public class LineItem {

    @Id
    Long orderId;
    @Id
    Integer line;

    public record Key(Long orderId, Integer line) implements Serializable {
    }
}
