package dev.softdelete.core.registry;

/**
 * What is known when a run is registered.
 *
 * @param spec machine-readable definition (JSON) a resumed run is rebuilt from
 */
public record NewRun(RunKind kind, RunMode mode, RunStatus status, String name, String targetTable,
        String ruleDescription, String spec, Long parentRunId, Long previewCount) {
}
