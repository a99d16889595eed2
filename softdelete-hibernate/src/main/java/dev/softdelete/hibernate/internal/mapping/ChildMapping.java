package dev.softdelete.hibernate.internal.mapping;

/**
 * A to-many association whose children follow their parent: mapped with cascade REMOVE or orphan
 * removal. {@code foreignKeyColumn} is the child table's column referencing the parent.
 */
public record ChildMapping(String parentEntity, String childEntity, String foreignKeyColumn) {
}
