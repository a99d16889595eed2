package dev.softdelete.samples;

import dev.softdelete.core.runs.Preview;
import dev.softdelete.core.runs.RunOptions;
import dev.softdelete.core.registry.RunRecord;
import dev.softdelete.core.runs.RunReport;
import dev.softdelete.core.runs.RunWorker;
import dev.softdelete.core.runs.Runs;
import dev.softdelete.core.runs.rule.Exclusion;
import dev.softdelete.core.runs.rule.Rule;
import dev.softdelete.core.runs.rule.RuleSet;
import dev.softdelete.core.schema.LibraryTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Previews "products not updated for two years" (with the children it cascades to), applies it in
 * a small wave then the rest, undoes it; then runs the same rules in the background: submitted,
 * applied by a worker range by range, paused and resumed, followed by its progress, undone.
 */
final class RunsStep implements DemoStep {

    @Override
    public String title() {
        return "Rule-based soft-delete run: preview, cascade, wave, apply, undo, background run";
    }

    @Override
    public void run(DemoContext ctx) throws Exception {
        var out = ctx.out();
        Runs runs = ctx.softDelete().runs();
        RuleSet rules = RuleSet.on("products")
                .rule(Rule.olderThan("updated_at", Duration.ofDays(730)))
                .exclude(Exclusion.ids(4)) // product 4 is kept whatever its age
                .build();
        RunOptions options = RunOptions.defaults().withBatchSize(2).withRowsPerSecond(1_000)
                .withSleeper(ctx.clock()::advance); // demo time, no real waiting
        long liveBefore = ctx.count("SELECT COUNT(*) FROM products WHERE deleted_at IS NULL");

        Preview preview = runs.preview(rules, options.withSampleSize(5));
        out.say("Preview of \"%s\" (changes nothing):", preview.description());
        out.say("  %s", preview.toJson());
        out.say("It cascades to the children with a marker column, through their foreign keys: %s",
                preview.children());

        RunReport wave = runs.apply(preview, options.withMaxRows(3));
        out.say("First wave, capped at 3 rows: run %d is %s after %d rows (%s)", wave.runId(), wave.status(),
                wave.affected(), wave.message());
        ctx.clock().advance(Duration.ofMinutes(10)); // time to look at the first wave
        RunReport done = runs.resume(wave.runId(), options);
        out.say("Resumed: run %d %s, %d rows soft-deleted in %d batches; verification %s", done.runId(), done.status(),
                done.affected(), done.batches(), done.verification());
        out.say("Live products: %d before, %d now.", liveBefore,
                ctx.count("SELECT COUNT(*) FROM products WHERE deleted_at IS NULL"));
        out.say("Rows changed per table, children soft-deleted with their parent's marker: %s",
                runs.changedRows(done.runId()));
        out.say("Each batch records the keys it changed, one row per table, in the same transaction:");
        ctx.show("SELECT batch_no, table_name, key_count, row_keys, state FROM "
                + ctx.softDelete().schema().table(LibraryTable.RUN_BATCHES) + " WHERE run_id = "
                + done.runId() + " ORDER BY batch_no, table_name");
        showRegistry(ctx, runs);

        RunReport undo = runs.undo(done.runId(), options);
        out.say("Undo: run %d (parent %d) %s, %d rows restored, %d left alone; verification %s", undo.runId(),
                undo.parentRunId(), undo.status(), undo.affected(), undo.skipped(), undo.verification());
        out.say("Live products after undo: %d.", ctx.count("SELECT COUNT(*) FROM products WHERE deleted_at IS NULL"));
        showRegistry(ctx, runs);
        try {
            runs.undo(done.runId());
        } catch (RuntimeException e) {
            out.say("Undoing it twice is refused: %s", e.getMessage());
        }
        background(ctx, runs, rules, options);
    }

    /** The same rules as a background run: submit returns at once, workers on any instance apply it. */
    private static void background(DemoContext ctx, Runs runs, RuleSet rules, RunOptions options) throws Exception {
        var out = ctx.out();
        long runId = runs.submit(runs.preview(rules, options), options);
        out.say("Submitted in the background: run %d, %s", runId, runs.progress(runId).toJson());
        RunWorker worker = runs.worker(options.withLeaseDuration(Duration.ofSeconds(15)));
        worker.runOne();
        ctx.clock().advance(Duration.ofSeconds(2));
        out.say("A worker (%s) applied one key range: %s", worker.id(), runs.progress(runId).toJson());
        out.say("Paused from any instance: %s", runs.pause(runId).status());
        out.say("A worker finds nothing to claim while it is paused: %s", worker.runOne());
        out.say("Resumed: %s", runs.resume(runId).status());
        worker.run();
        out.say("Workers drained it: %s", runs.progress(runId).toJson());
        RunReport undo = runs.undo(runId, options);
        out.say("Undone like any run: %d rows restored; live products: %d.", undo.affected(),
                ctx.count("SELECT COUNT(*) FROM products WHERE deleted_at IS NULL"));
    }

    private static void showRegistry(DemoContext ctx, Runs runs) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("id", "kind", "mode", "status", "parent", "preview", "affected", "skipped", "batches", "operator"));
        for (RunRecord r : runs.registry().list(6)) {
            rows.add(List.of(String.valueOf(r.id()), r.kind().name(), r.mode().name(), r.status().name(),
                    String.valueOf(r.parentRunId()), String.valueOf(r.previewCount()), String.valueOf(r.affectedCount()),
                    String.valueOf(r.skippedCount()), String.valueOf(r.batchCount()), r.operator()));
        }
        ctx.out().say("Run registry (newest first):");
        ctx.out().table(rows);
    }
}
