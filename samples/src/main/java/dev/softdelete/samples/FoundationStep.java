package dev.softdelete.samples;

import dev.softdelete.core.schema.LibraryTable;
import java.util.ArrayList;
import java.util.List;

/** Shows the detected dialect, schema initialization and the library's own tables. */
final class FoundationStep implements DemoStep {

    @Override
    public String title() {
        return "Library schema and dialect";
    }

    @Override
    public void run(DemoContext ctx) throws Exception {
        var sd = ctx.softDelete();
        var out = ctx.out();
        out.say("Detected dialect: %s (max identifier length %d %s, partial indexes: %s, SKIP LOCKED: %s,"
                + " transactional DDL: %s)", sd.dialect(), sd.dialect().maxIdentifierLength(),
                sd.dialect().identifierLengthUnit(), yes(sd.dialect().supportsPartialIndex()),
                yes(sd.dialect().supportsSkipLocked()), yes(sd.dialect().supportsTransactionalDdl()));
        out.say("Schema initialized at version %d; initializing again applies %s (idempotent).",
                sd.schemaInitializer().currentVersion(), sd.schemaInitializer().initialize());
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("library table", "columns"));
        for (LibraryTable table : LibraryTable.values()) {
            String name = sd.schema().name(table);
            rows.add(List.of(name, String.valueOf(sd.catalog().require(name).columns().size())));
        }
        out.table(rows);
        try {
            sd.dialect().identifier("products; drop table users");
        } catch (RuntimeException e) {
            out.say("An unsafe identifier is refused before any SQL runs:");
            out.say("  %s: %s", e.getClass().getSimpleName(), e.getMessage());
        }
    }

    private static String yes(boolean b) {
        return b ? "yes" : "no";
    }
}
