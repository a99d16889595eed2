package dev.softdelete.core.registry;

/**
 * What is known when a run is registered.
 *
 * @param kind            what kind of run it is
 * @param mode            how it touches data
 * @param status          its initial status
 * @param name            a short human-readable name, e.g. {@code soft delete products}
 * @param targetTable     the table it changes
 * @param ruleDescription its rules in words
 * @param spec            machine-readable definition (JSON) a resumed run is rebuilt from
 * @param parentRunId     the run it derives from (e.g. the run an undo reverts), or {@code null}
 * @param previewCount    rows counted when the run was registered, or {@code null}
 */
public record NewRun(RunKind kind, RunMode mode, RunStatus status, String name, String targetTable,
        String ruleDescription, String spec, Long parentRunId, Long previewCount) {
}
