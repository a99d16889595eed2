package dev.softdelete.samples.spring;

/**
 * The answer to {@code DELETE /{collection}/{id}/permanent}.
 *
 * @param entity      the entity's label
 * @param id          the row removed for good
 * @param rowsRemoved rows removed, its cascade children included
 */
record PermanentDeletion(String entity, long id, int rowsRemoved) {
}
