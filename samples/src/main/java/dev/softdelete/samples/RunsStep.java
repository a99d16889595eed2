package dev.softdelete.samples;

import dev.softdelete.core.runs.Preview;
import dev.softdelete.core.runs.RunOptions;
import dev.softdelete.core.registry.RunRecord;
import dev.softdelete.core.runs.RunReport;
import dev.softdelete.core.runs.Runs;
import dev.softdelete.core.runs.rule.Exclusion;
import dev.softdelete.core.runs.rule.Rule;
import dev.softdelete.core.runs.rule.RuleSet;
import dev.softdelete.core.schema.LibraryTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Previews "products not updated for two years", applies it in a small wave then the rest, undoes it. */
final class RunsStep implements DemoStep {

    @Override
    public String title() {
        return "Rule-based soft-delete run: preview, wave, apply, undo";
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

        RunReport wave = runs.apply(preview, options.withMaxRows(3));
        out.say("First wave, capped at 3 rows: run %d is %s after %d rows (%s)", wave.runId(), wave.status(),
                wave.affected(), wave.message());
        ctx.clock().advance(Duration.ofMinutes(10)); // time to look at the first wave
        RunReport done = runs.resume(wave.runId(), options);
        out.say("Resumed: run %d %s, %d rows soft-deleted in %d batches; verification %s", done.runId(), done.status(),
                done.affected(), done.batches(), done.verification());
        out.say("Live products: %d before, %d now.", liveBefore,
                ctx.count("SELECT COUNT(*) FROM products WHERE deleted_at IS NULL"));
        out.say("Every changed row is in run_items, written in the same transaction as its batch:");
        ctx.show("SELECT row_key, action, state, applied_marker, batch_no FROM "
                + ctx.softDelete().schema().table(LibraryTable.RUN_ITEMS) + " WHERE run_id = "
                + done.runId() + " ORDER BY batch_no, row_key");
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
