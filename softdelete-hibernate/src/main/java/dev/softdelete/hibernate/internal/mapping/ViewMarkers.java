package dev.softdelete.hibernate.internal.mapping;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The SQL text of the default (active-rows) view and of the two scope markers, unique to one
 * session factory.
 * <p>
 * The default view is a restriction built into the mapping, as Hibernate's {@code @SQLRestriction}:
 * {@code (<marker> is null and '<active token>' is not null)}, rendered by Hibernate as
 * {@code (<alias>.<marker> is null and '<active token>' is not null)} (in its own parentheses) wherever it restricts the entity
 * (queries, joins, subqueries, load by key, to-one joins, collections). No filter is enabled, so
 * Hibernate caches the query plan. The string literal is a constant the database folds away; it only
 * makes the restriction recognisable.
 * <p>
 * A scope enables a filter whose condition is {@code '<all token>' is not null} (or the deleted
 * token): a true constant that only tells the statement inspector, from the SQL text alone, that this
 * statement was generated inside a scope. The inspector then rewrites every default restriction of
 * that statement. Each token holds a random nonce drawn when the factory starts, so that no query
 * text (an HQL string literal, native SQL) can produce one.
 */
public final class ViewMarkers {

    private final String nonce;

    /** Markers with a fresh random nonce. */
    public ViewMarkers() {
        byte[] random = new byte[8];
        new SecureRandom().nextBytes(random);
        this.nonce = HexFormat.of().formatHex(random);
    }

    /**
     * What both scope tokens start with: a statement without it was generated in the default view
     * and needs no rewriting (the default restriction's token does not contain it).
     */
    public String scopePrefix() {
        return "softdelete.scope." + nonce;
    }

    /** The quoted literal in every default restriction. */
    public String activeLiteral() {
        return "'softdelete.active." + nonce + "'";
    }

    /** The quoted literal of the include-deleted scope's filter. */
    public String allLiteral() {
        return "'" + scopePrefix() + ".all'";
    }

    /** The quoted literal of the only-deleted scope's filter. */
    public String deletedLiteral() {
        return "'" + scopePrefix() + ".deleted'";
    }

    /** The mapping restriction of the default view for a marker column (unqualified, as Hibernate wants). */
    public String activeRestriction(String markerColumn) {
        return "(" + markerColumn + " is null and " + activeLiteral() + " is not null)";
    }

    /** The include-deleted scope filter's condition. */
    public String allCondition() {
        return allLiteral() + " is not null";
    }

    /** The only-deleted scope filter's condition. */
    public String deletedCondition() {
        return deletedLiteral() + " is not null";
    }
}
