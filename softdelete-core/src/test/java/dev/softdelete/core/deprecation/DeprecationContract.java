package dev.softdelete.core.deprecation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.audit.AuditEntry;
import dev.softdelete.core.catalog.TableInfo;
import dev.softdelete.core.dialect.SchemaObjectType;
import dev.softdelete.core.internal.Document;
import dev.softdelete.core.registry.RunKind;
import dev.softdelete.core.registry.RunMode;
import dev.softdelete.core.registry.RunRecord;
import dev.softdelete.core.registry.RunStatus;
import dev.softdelete.core.schema.LibraryTable;
import dev.softdelete.core.time.SettableClock;
import dev.softdelete.testing.DatabaseTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Plan, apply and rollback of deprecations on every database: element types, evidence, dependencies, bad input. */
public abstract class DeprecationContract extends DatabaseTest {

    static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    static final String DAY = "20260601";

    private final SettableClock clock = new SettableClock(NOW);

    private SoftDelete sd() {
        return softDelete(b -> b.clock(clock));
    }

    /** A table {@code name}(id PK, legacy, keep) with 20 rows. */
    private void table(String name) {
        db.execute("CREATE TABLE " + name + " (id INTEGER PRIMARY KEY, legacy VARCHAR(40), keep_me INTEGER)");
        for (int i = 1; i <= 20; i++) {
            db.execute("INSERT INTO " + name + " (id, legacy, keep_me) VALUES (" + i + ", " + (i % 5 == 0 ? "NULL"
                    : "'v" + i + "'") + ", " + i + ")");
        }
    }

    /** Watches the targets, then lets the quiet period pass. */
    /** Watches {@code table.legacy} long enough, plans its deprecation and applies the plan. */
    private DeprecationResult deprecateLegacy(SoftDelete sd, String table) {
        DeprecationTarget target = DeprecationTarget.column(table, "legacy");
        watchedLongEnough(sd, target);
        DeprecationPlan plan = sd.deprecations().plan(DeprecationRequest.of("unused", target));
        return sd.deprecations().apply(plan, plan.token());
    }

    private void watchedLongEnough(SoftDelete sd, DeprecationTarget... targets) {
        clock.set(NOW.minus(Duration.ofDays(15)));
        sd.deprecations().watch("unused", targets);
        clock.set(NOW);
    }

    private Optional<TableInfo> find(SoftDelete sd, String table) {
        return sd.catalog().find(table);
    }

    private List<String> columns(SoftDelete sd, String table) {
        return sd.catalog().require(table).columns().stream().map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
    }

    private static List<DeprecationRecord> records(SoftDelete sd, String table) {
        return sd.deprecations().records().stream().filter(r -> r.table().equalsIgnoreCase(table)).toList();
    }

    private static List<RunRecord> runs(SoftDelete sd, String table) {
        return sd.runRegistry().list(RunKind.DEPRECATION, 1000).stream()
                .filter(r -> table.equalsIgnoreCase(r.targetTable())).toList();
    }

    private void usage(SoftDelete sd, String element, Instant last, String caller) {
        sd.jdbc().withConnection(c -> sd.jdbc().update(c, "INSERT INTO "
                + sd.schema().table(LibraryTable.DEPRECATED_USAGE) + " (element, instance_id, access_count, first_access,"
                + " last_access, statement_kind, confidence, sample_sql, caller) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                element, "instance-a", 3L, last.minus(Duration.ofDays(1)), last, "SELECT", "EXACT",
                "SELECT legacy FROM x", caller));
    }

    @Test
    void columnPlanApplyRollbackKeepsDataAndNames() {
        table("col_a");
        SoftDelete sd = sd();
        watchedLongEnough(sd, DeprecationTarget.column("col_a", "legacy"));

        DeprecationPlan plan = sd.deprecations().plan(DeprecationRequest.of("unused",
                DeprecationTarget.column("col_a", "legacy")));
        assertThat(plan.verdict()).as(plan.toString()).isEqualTo(Verdict.SAFE);
        PlannedElement element = plan.elements().get(0);
        assertThat(element.newName()).isEqualToIgnoringCase("legacy_deprecated_" + DAY + "_unused");
        assertThat(element.evidence().watchedSince()).isEqualTo(NOW.minus(Duration.ofDays(15)));
        Document json = Document.read(plan.toJson(), DeprecationPlan.DOCUMENT_KIND, 1);
        assertThat(json.string("token")).isEqualTo(plan.token());
        assertThat(json.list("elements")).hasSize(1);

        DeprecationResult result = sd.deprecations().apply(plan, plan.token());
        assertThat(columns(sd, "col_a")).contains("legacy_deprecated_" + DAY + "_unused").doesNotContain("legacy");
        AppliedElement applied = result.elements().get(0);
        assertThat(applied.rowCount()).isEqualTo(20);
        assertThat(applied.backupRef()).isNotNull();
        assertThat(db.queryLong("SELECT COUNT(*) FROM " + applied.backupRef())).isEqualTo(20);
        assertThat(applied.definition()).containsIgnoringCase("legacy");
        RunRecord run = sd.runRegistry().require(result.runId());
        assertThat(run.kind()).isEqualTo(RunKind.DEPRECATION);
        assertThat(run.mode()).isEqualTo(RunMode.APPLY);
        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        DeprecationRecord row = records(sd, "col_a").get(0);
        assertThat(row.state()).isEqualTo(DeprecationState.APPLIED);
        assertThat(row.name()).isEqualToIgnoringCase("legacy");
        assertThat(row.runId()).isEqualTo(result.runId());
        assertThat(row.checksum()).isEqualTo(applied.checksum());
        List<AuditEntry> audit = sd.auditLog().forTarget(Deprecations.AUDIT_TARGET, "[" + applied.table() + "."
                + applied.name() + "]", 5);
        assertThat(audit).extracting(AuditEntry::action).contains("DEPRECATION_APPLY");

        RollbackResult rollback = sd.deprecations().rollback(result.runId());
        assertThat(columns(sd, "col_a")).contains("legacy").doesNotContain("legacy_deprecated_" + DAY + "_unused");
        assertThat(db.queryLong("SELECT COUNT(*) FROM col_a WHERE legacy = 'v7'")).isEqualTo(1);
        assertThat(rollback.mismatches()).isEmpty();
        assertThat(sd.runRegistry().require(result.runId()).status()).isEqualTo(RunStatus.UNDONE);
        RunRecord undo = sd.runRegistry().require(rollback.rollbackRunId());
        assertThat(undo.mode()).isEqualTo(RunMode.UNDO);
        assertThat(undo.parentRunId()).isEqualTo(result.runId());
        assertThat(undo.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(records(sd, "col_a").get(0).state()).isEqualTo(DeprecationState.ROLLED_BACK);

        assertThatThrownBy(() -> sd.deprecations().rollback(result.runId()))
                .isInstanceOf(DeprecationStateException.class).hasMessageContaining("already rolled back");
        assertThatThrownBy(() -> sd.deprecations().rollback(rollback.rollbackRunId()))
                .isInstanceOf(DeprecationStateException.class).hasMessageContaining("cannot be rolled back");
    }

    @Test
    void tablePlanApplyRollbackWithIdenticalChecksum() {
        table("tab_a");
        SoftDelete sd = sd();
        watchedLongEnough(sd, DeprecationTarget.table("tab_a"));
        DeprecationPlan plan = sd.deprecations().plan(DeprecationRequest.of("refactor", DeprecationTarget.table("tab_a")));
        assertThat(plan.verdict()).as(plan.toString()).isEqualTo(Verdict.SAFE);
        if (db.database().keepsUsageStatistics()) {
            assertThat(plan.elements().get(0).evidence().databaseStatistics()).containsKeys("seq_scan", "idx_scan",
                    "n_tup_ins");
            assertThat(plan.toJson()).contains("\"database_statistics\":{");
        } else {
            assertThat(plan.elements().get(0).evidence().databaseStatistics()).isEmpty();
        }

        DeprecationResult result = sd.deprecations().apply(plan, plan.token());
        assertThat(find(sd, "tab_a")).isEmpty();
        assertThat(find(sd, "tab_a_deprecated_" + DAY + "_refactor")).isPresent();
        assertThat(result.elements().get(0).rowCount()).isEqualTo(20);
        assertThat(result.mismatches()).isEmpty();
        assertThat(sd.runRegistry().require(result.runId()).verification()).contains("\"tables_checked\":1")
                .contains("\"mismatches\":[]");
        String checksum = result.elements().get(0).checksum();

        RollbackResult rollback = sd.deprecations().rollback(result.runId());
        assertThat(find(sd, "tab_a")).isPresent();
        assertThat(db.queryLong("SELECT COUNT(*) FROM tab_a")).isEqualTo(20);
        assertThat(rollback.elements().get(0).checksum()).isEqualTo(checksum);
    }

    @Test
    void indexAndConstraintPlanApplyRollback() {
        db.execute("CREATE TABLE idx_a (id INTEGER PRIMARY KEY, code VARCHAR(20), other INTEGER)",
                "CREATE INDEX idx_a_other_ix ON idx_a (other)",
                "ALTER TABLE idx_a ADD CONSTRAINT idx_a_code_uq UNIQUE (code)");
        SoftDelete sd = sd();
        DeprecationPlan plan = sd.deprecations().plan(DeprecationRequest.of("performance",
                DeprecationTarget.index("idx_a", "idx_a_other_ix")));
        assertThat(plan.verdict()).as("indexes are not statement-visible: the catalog decides; " + plan)
                .isEqualTo(Verdict.SAFE);
        assertThat(plan.elements().get(0).evidence().statementVisible()).isFalse();
        assertThat(plan.elements().get(0).evidence().databaseStatistics().containsKey("idx_scan"))
                .isEqualTo(db.database().keepsUsageStatistics());
        DeprecationResult result = sd.deprecations().apply(plan, plan.token());
        String newName = result.elements().get(0).newName();
        assertThat(newName).isEqualToIgnoringCase("idx_a_other_ix_deprecated_" + DAY + "_performance");
        assertThat(result.elements().get(0).definition()).containsIgnoringCase("idx_a_other_ix");
        sd.deprecations().rollback(result.runId());
        DeprecationPlan again = sd.deprecations().plan(DeprecationRequest.of("performance",
                DeprecationTarget.index("idx_a", "idx_a_other_ix")));
        assertThat(again.elements().get(0).name()).isEqualToIgnoringCase("idx_a_other_ix");

        DeprecationPlan backing = sd.deprecations().plan(DeprecationRequest.of("performance", DeprecationTarget.index(
                "idx_a", indexOn(sd.catalog().require("idx_a").name(), "code"))));
        assertThat(backing.elements().get(0).verdict()).as("the index behind a UNIQUE constraint: " + backing)
                .isEqualTo(dialect().schemaObjects().unsupported(SchemaObjectType.CONSTRAINT) == null
                        ? Verdict.BLOCKED : Verdict.SAFE);

        DeprecationPlan tablePlan = sd.deprecations().plan(DeprecationRequest.of("unused", DeprecationTarget.table("idx_a")));
        assertThat(tablePlan.elements().get(0).dependencies()).as("constraints and indexes on the table are listed")
                .filteredOn(d -> !d.blocking()).extracting(d -> d.kind()).contains("CONSTRAINT", "INDEX");

        DeprecationRequest constraint = DeprecationRequest.of("refactor",
                DeprecationTarget.constraint("idx_a", "idx_a_code_uq"));
        if (!db.database().canRenameConstraints()) {
            assertThatThrownBy(() -> sd.deprecations().plan(constraint)).isInstanceOf(DeprecationInputException.class)
                    .hasMessageContaining("RENAME CONSTRAINT").hasMessageContaining("type INDEX");
            return;
        }
        DeprecationPlan constraintPlan = sd.deprecations().plan(constraint);
        assertThat(constraintPlan.verdict()).as(constraintPlan.toString()).isEqualTo(Verdict.SAFE);
        DeprecationResult renamed = sd.deprecations().apply(constraintPlan, constraintPlan.token());
        assertThat(renamed.elements().get(0).newName()).isEqualToIgnoringCase("idx_a_code_uq_deprecated_" + DAY
                + "_refactor");
        sd.deprecations().rollback(renamed.runId());
        assertThat(records(sd, "idx_a")).allMatch(r -> r.state() == DeprecationState.ROLLED_BACK);
    }

    @Test
    void enumTypesAndSequencesWhereTheDatabaseHasThem() {
        Assumptions.assumeTrue(dialect().schemaObjects().unsupported(SchemaObjectType.ENUM_TYPE) == null,
                "enum types and sequences are objects of their own on this database only where supported");
        db.execute(db.database().enumTypeStatements("mood_a").toArray(String[]::new));
        db.execute(db.database().sequenceStatements("ticket_seq").toArray(String[]::new));
        SoftDelete sd = sd();
        DeprecationPlan plan = sd.deprecations().plan(DeprecationRequest.of("unused",
                DeprecationTarget.enumType("mood_a"), DeprecationTarget.sequence("ticket_seq")));
        assertThat(plan.verdict()).as(plan.toString()).isEqualTo(Verdict.SAFE);
        DeprecationResult result = sd.deprecations().apply(plan, plan.token());
        assertThat(result.elements()).extracting(AppliedElement::definition)
                .anyMatch(d -> d.contains("ENUM ('small', 'large')")).anyMatch(d -> d.contains("CREATE SEQUENCE"));
        db.execute("CREATE TABLE uses_old_mood (m mood_a_deprecated_" + DAY + "_unused)");
        db.execute("DROP TABLE uses_old_mood");
        sd.deprecations().rollback(result.runId());
        db.execute("CREATE TABLE uses_mood (m mood_a)");
        assertThat(db.queryLong("SELECT nextval('ticket_seq')")).isEqualTo(1);

        db.execute("CREATE TABLE uses_seq (id BIGINT DEFAULT nextval('ticket_seq') PRIMARY KEY)");
        DeprecationPlan used = sd.deprecations().plan(DeprecationRequest.of("unused", DeprecationTarget.enumType("mood_a"),
                DeprecationTarget.sequence("ticket_seq")));
        assertThat(used.elements().get(0).dependencies()).extracting(d -> d.kind()).contains("COLUMN_OF_TYPE");
        assertThat(used.elements().get(1).dependencies()).extracting(d -> d.kind()).contains("DEFAULT");
        assertThat(used.elements()).allMatch(e -> e.verdict() == Verdict.BLOCKED);
    }

    @Test
    void evidenceDecidesTheVerdict() {
        table("ev_a");
        SoftDelete sd = sd();
        DeprecationRequest request = DeprecationRequest.of("unused", DeprecationTarget.column("ev_a", "legacy"));

        PlannedElement notWatched = sd.deprecations().plan(request).elements().get(0);
        assertThat(notWatched.reasons()).extracting(BlockReason::code).containsExactly(BlockReason.NOT_WATCHED);

        clock.set(NOW.minus(Duration.ofDays(3)));
        sd.deprecations().watch("unused", DeprecationTarget.column("ev_a", "legacy"));
        clock.set(NOW);
        PlannedElement tooShort = sd.deprecations().plan(request).elements().get(0);
        assertThat(tooShort.reasons()).extracting(BlockReason::code).containsExactly(BlockReason.WATCHED_TOO_SHORT);
        assertThat(sd.deprecations().plan(request.withQuietPeriod(Duration.ofDays(2))).verdict()).isEqualTo(Verdict.SAFE);

        usage(sd, find(sd, "ev_a").orElseThrow().name() + "." + sd.catalog().require("ev_a").column("legacy")
                .orElseThrow().name(), NOW.minus(Duration.ofDays(1)), "com.acme.Reports.legacy(Reports.java:42)");
        PlannedElement recent = sd.deprecations().plan(request).elements().get(0);
        assertThat(recent.reasons()).extracting(BlockReason::code).containsExactly(BlockReason.RECENT_ACCESS);
        assertThat(recent.evidence().accessCount()).isEqualTo(3);
        assertThat(recent.evidence().callers()).containsExactly("com.acme.Reports.legacy(Reports.java:42)");
        assertThat(recent.reasons().get(0).message()).contains("com.acme.Reports.legacy");
        clock.set(NOW.plus(Duration.ofDays(20)));
        assertThat(sd.deprecations().plan(request).verdict()).as("quiet for the period since the last access")
                .isEqualTo(Verdict.SAFE);
    }

    @Test
    void viewForeignKeyTriggerGeneratedColumnAndPrimaryKeyEachBlock() {
        db.execute("CREATE TABLE dep_parent (id INTEGER PRIMARY KEY, code VARCHAR(20) UNIQUE, in_view VARCHAR(20),"
                + " in_trigger VARCHAR(20), base INTEGER, doubled " + db.database().generatedColumn("INTEGER", "base * 2")
                + ")", "CREATE TABLE dep_child (id INTEGER PRIMARY KEY, parent_code VARCHAR(20),"
                + " CONSTRAINT dep_child_fk FOREIGN KEY (parent_code) REFERENCES dep_parent (code))",
                "CREATE VIEW dep_view AS SELECT id, in_view FROM dep_parent",
                "CREATE TABLE trig_t (id INTEGER PRIMARY KEY, in_trigger VARCHAR(20))");
        db.execute(db.database().triggerStatements("trig_t_tr", "trig_t", "in_trigger").toArray(String[]::new));
        SoftDelete sd = sd();
        DeprecationTarget[] targets = {DeprecationTarget.column("dep_parent", "in_view"),
            DeprecationTarget.column("dep_parent", "code"), DeprecationTarget.column("trig_t", "in_trigger"),
            DeprecationTarget.column("dep_parent", "base"), DeprecationTarget.column("dep_parent", "id")};
        DeprecationTarget[] tables = {DeprecationTarget.table("dep_parent"), DeprecationTarget.table("trig_t")};
        watchedLongEnough(sd, targets);
        watchedLongEnough(sd, tables);
        DeprecationPlan plan = sd.deprecations().plan(DeprecationRequest.of("unused", targets));
        assertThat(plan.elements()).allMatch(e -> e.verdict() == Verdict.BLOCKED, plan.toString());
        assertThat(kinds(plan, 0)).contains("VIEW");
        assertThat(kinds(plan, 1)).contains("FOREIGN_KEY");
        assertThat(kinds(plan, 2)).contains("TRIGGER");
        assertThat(kinds(plan, 3)).contains("GENERATED_COLUMN");
        assertThat(plan.elements().get(4).reasons()).extracting(BlockReason::code).contains(BlockReason.PRIMARY_KEY);
        DeprecationPlan tablePlan = sd.deprecations().plan(DeprecationRequest.of("unused", tables));
        assertThat(kinds(tablePlan, 0)).contains("VIEW", "FOREIGN_KEY_IN");
        assertThat(kinds(tablePlan, 1)).contains("TRIGGER");
        assertThatThrownBy(() -> sd.deprecations().apply(tablePlan, tablePlan.token()))
                .isInstanceOf(DeprecationBlockedException.class);

        assertThatThrownBy(() -> sd.deprecations().apply(plan, plan.token()))
                .isInstanceOf(DeprecationBlockedException.class).hasMessageContaining("BLOCKED");
        assertThat(find(sd, "dep_parent")).isPresent();
        assertThat(runs(sd, "dep_parent")).isEmpty();
    }

    private static List<String> kinds(DeprecationPlan plan, int index) {
        return plan.elements().get(index).dependencies().stream().filter(d -> d.blocking()).map(d -> d.kind()).toList();
    }

    @Test
    void forcedApplyIsAuditedWithItsJustification() {
        table("force_a");
        SoftDelete sd = sd();
        DeprecationPlan plan = sd.deprecations().plan(DeprecationRequest.of("security",
                DeprecationTarget.column("force_a", "legacy")));
        assertThat(plan.verdict()).isEqualTo(Verdict.BLOCKED);
        assertThatThrownBy(() -> ApplyOptions.force(" ")).isInstanceOf(DeprecationInputException.class);
        DeprecationResult result = sd.deprecations().apply(plan, plan.token(),
                ApplyOptions.force("PII column, legal asked for it today (ticket SEC-12)"));
        assertThat(result.forced()).isTrue();
        assertThat(records(sd, "force_a").get(0).justification()).contains("SEC-12");
        AuditEntry entry = sd.auditLog().forTarget(Deprecations.AUDIT_TARGET, "[" + result.elements().get(0).table()
                + "." + result.elements().get(0).name() + "]", 1).get(0);
        assertThat(entry.details()).contains("SEC-12").contains("NOT_WATCHED");
    }

    @Test
    void longNamesAtTheLimitAndCollisionsGetStableNames() {
        int max = dialect().maxIdentifierLength();
        String suffix = "_deprecated_" + DAY + "_unused";
        String exact = "c" + "x".repeat(max - suffix.length() - 1);
        String over = "d" + "y".repeat(max - suffix.length());
        db.execute("CREATE TABLE long_a (id INTEGER PRIMARY KEY, " + exact + " INTEGER, " + over + " INTEGER,"
                + " twin INTEGER, twin_deprecated_" + DAY + "_unused INTEGER)");
        SoftDelete sd = sd();
        DeprecationTarget[] targets = {DeprecationTarget.column("long_a", exact), DeprecationTarget.column("long_a", over),
            DeprecationTarget.column("long_a", "twin")};
        watchedLongEnough(sd, targets);
        DeprecationPlan plan = sd.deprecations().plan(DeprecationRequest.of("unused", targets));
        String atLimit = plan.elements().get(0).newName();
        assertThat(atLimit).isEqualToIgnoringCase(exact + suffix);
        assertThat(dialect().identifierLength(atLimit)).isEqualTo(max);
        String shortened = plan.elements().get(1).newName();
        assertThat(dialect().identifierLength(shortened)).isLessThanOrEqualTo(max);
        assertThat(shortened.toLowerCase(Locale.ROOT)).endsWith(suffix).contains(DeprecationNames.hash8(
                sd.catalog().require("long_a").column(over).orElseThrow().name()));
        assertThat(plan.elements().get(2).newName()).isEqualToIgnoringCase("twin" + suffix + "_2");
        assertThat(sd.deprecations().plan(DeprecationRequest.of("unused", targets)).elements())
                .extracting(PlannedElement::newName).as("deterministic")
                .containsExactlyElementsOf(plan.elements().stream().map(PlannedElement::newName).toList());

        DeprecationResult result = sd.deprecations().apply(plan, plan.token());
        assertThat(columns(sd, "long_a")).contains(atLimit.toLowerCase(Locale.ROOT), shortened.toLowerCase(Locale.ROOT));
        sd.deprecations().rollback(result.runId());
        assertThat(columns(sd, "long_a")).contains(exact.toLowerCase(Locale.ROOT), over.toLowerCase(Locale.ROOT), "twin");
    }

    @Test
    void batchWhoseFourthRenameFailsLeavesNothingRenamed() {
        table("b1");
        table("b2");
        table("b3");
        table("b4");
        table("b5");
        SoftDelete sd = sd();
        DeprecationTarget[] targets = {DeprecationTarget.table("b1"), DeprecationTarget.table("b2"),
            DeprecationTarget.column("b3", "legacy"), DeprecationTarget.column("b4", "legacy"),
            DeprecationTarget.column("b5", "legacy")};
        watchedLongEnough(sd, targets);
        DeprecationPlan plan = sd.deprecations().plan(DeprecationRequest.of("unused", targets));
        assertThat(plan.verdict()).as(plan.toString()).isEqualTo(Verdict.SAFE);
        sd.deprecations().beforeRename((step, element) -> {
            if (step == 4) { // someone takes the new name between plan and rename
                db.execute("ALTER TABLE b4 ADD " + element.newName() + " INTEGER");
            }
        });
        assertThatThrownBy(() -> sd.deprecations().apply(plan, plan.token()))
                .isInstanceOf(DeprecationFailedException.class).hasMessageContaining("nothing is renamed");
        assertThat(find(sd, "b1")).isPresent();
        assertThat(find(sd, "b2")).isPresent();
        assertThat(columns(sd, "b3")).contains("legacy");
        assertThat(columns(sd, "b4")).contains("legacy");
        assertThat(columns(sd, "b5")).contains("legacy");
        assertThat(find(sd, "b1_deprecated_" + DAY + "_unused")).isEmpty();
        RunRecord run = runs(sd, "b1").get(0);
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.errorMessage()).containsIgnoringCase("b4");
        for (String t : new String[] {"b1", "b2", "b3", "b4", "b5"}) {
            assertThat(records(sd, t)).noneMatch(r -> r.state() == DeprecationState.APPLIED);
        }
        assertThat(sd.catalog().tableNames()).as("the failed run's backups are dropped")
                .noneMatch(t -> t.toLowerCase(Locale.ROOT).contains("dbk_" + run.id() + "_"));
    }

    @Test
    void staleForgedAndTamperedPlansAreRefused() {
        table("st_a");
        SoftDelete sd = sd();
        watchedLongEnough(sd, DeprecationTarget.column("st_a", "legacy"));
        DeprecationPlan plan = sd.deprecations().plan(DeprecationRequest.of("unused",
                DeprecationTarget.column("st_a", "legacy")));
        for (String forged : new String[] {null, "", "0".repeat(64), plan.token().toUpperCase(Locale.ROOT),
            plan.token() + " ", "' OR 1=1 --"}) {
            assertThatThrownBy(() -> sd.deprecations().apply(plan, forged)).as(String.valueOf(forged))
                    .isInstanceOf(DeprecationTokenException.class);
        }
        DeprecationPlan tampered = new DeprecationPlan(plan.request(), plan.plannedAt(), plan.day(),
                List.of(new PlannedElement(1, SchemaObjectType.COLUMN, plan.elements().get(0).table(), "keep_me",
                        "keep_me_x", List.of(), plan.elements().get(0).evidence(), Verdict.SAFE, List.of())), plan.token());
        assertThatThrownBy(() -> sd.deprecations().apply(tampered, plan.token()))
                .isInstanceOf(DeprecationTokenException.class);

        db.execute("CREATE VIEW st_view AS SELECT legacy FROM st_a");
        assertThatThrownBy(() -> sd.deprecations().apply(plan, plan.token()))
                .isInstanceOf(StaleDeprecationPlanException.class).hasMessageContaining("dependencies");
        db.execute("DROP VIEW st_view");
        usage(sd, sd.catalog().require("st_a").name() + ".legacy", NOW.minus(Duration.ofDays(30)), "com.acme.Old.run");
        assertThatThrownBy(() -> sd.deprecations().apply(plan, plan.token()))
                .isInstanceOf(StaleDeprecationPlanException.class).hasMessageContaining("usage");
        assertThat(columns(sd, "st_a")).contains("legacy");
        assertThat(runs(sd, "st_a")).isEmpty();
    }

    @Test
    void badInputIsRefusedClearlyAndChangesNothing() {
        table("bad_a");
        SoftDelete sd = sd();
        String[] hostile = {"legacy; DROP TABLE bad_a", "leg\"acy", "leg`acy", "legacy--", "", " legacy", "lég",
            "legacy\u0000", "x".repeat(300)};
        for (String name : hostile) {
            assertThatThrownBy(() -> sd.deprecations().plan(DeprecationRequest.of("unused",
                    DeprecationTarget.column("bad_a", name)))).as(name).isInstanceOf(DeprecationInputException.class)
                    .hasMessageContaining("Nothing was planned");
            assertThatThrownBy(() -> sd.deprecations().plan(DeprecationRequest.of("unused",
                    DeprecationTarget.table(name)))).as(name).isInstanceOf(DeprecationInputException.class);
        }
        assertThatThrownBy(() -> sd.deprecations().plan(DeprecationRequest.of("unused",
                DeprecationTarget.table("no_such_table")))).isInstanceOf(DeprecationInputException.class)
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> sd.deprecations().plan(DeprecationRequest.of("unused",
                DeprecationTarget.column("bad_a", "no_such_column")))).isInstanceOf(DeprecationInputException.class)
                .hasMessageContaining("no column named");
        assertThatThrownBy(() -> DeprecationRequest.of("obsolete", DeprecationTarget.table("bad_a")))
                .isInstanceOf(DeprecationInputException.class).hasMessageContaining("unused");
        assertThatThrownBy(() -> sd.deprecations().plan(DeprecationRequest.of("unused",
                DeprecationTarget.table(sd.schema().name(LibraryTable.RUNS))))).isInstanceOf(DeprecationInputException.class)
                .hasMessageContaining("library's own");
        assertThatThrownBy(() -> sd.deprecations().plan(DeprecationRequest.of("unused",
                DeprecationTarget.column("bad_a", "legacy"), DeprecationTarget.column("bad_a", "LEGACY"))))
                .isInstanceOf(DeprecationInputException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> sd.deprecations().plan(DeprecationRequest.of("unused",
                DeprecationTarget.column("bad_a", "legacy"), DeprecationTarget.table("bad_a"))))
                .isInstanceOf(DeprecationInputException.class).hasMessageContaining("with its table");

        DeprecationPlan plan = sd.deprecations().plan(DeprecationRequest.of("unused",
                DeprecationTarget.column("bad_a", "legacy")));
        DeprecationResult result = sd.deprecations().apply(plan, plan.token(), ApplyOptions.force("test"));
        assertThatThrownBy(() -> sd.deprecations().plan(DeprecationRequest.of("unused",
                DeprecationTarget.column("bad_a", "legacy")))).isInstanceOf(DeprecationInputException.class)
                .hasMessageContaining("already deprecated");
        assertThatThrownBy(() -> sd.deprecations().plan(DeprecationRequest.of("unused",
                DeprecationTarget.column("bad_a", result.elements().get(0).newName()))))
                .isInstanceOf(DeprecationInputException.class).hasMessageContaining("already a deprecated name");
        assertThatThrownBy(() -> sd.deprecations().rollback(123456)).hasMessageContaining("123456");
        assertThat(columns(sd, "bad_a")).contains("keep_me");
        assertThat(db.queryLong("SELECT COUNT(*) FROM bad_a")).isEqualTo(20);
    }

    @Test
    void rollbackRefusesDataThatNoLongerMatchesItsBackupUnlessForced() {
        table("mm_a");
        SoftDelete sd = sd();
        DeprecationResult result = deprecateLegacy(sd, "mm_a");
        String renamed = result.elements().get(0).newName();
        db.execute("UPDATE mm_a SET " + renamed + " = 'changed' WHERE id = 3");

        assertThatThrownBy(() -> sd.deprecations().rollback(result.runId()))
                .isInstanceOf(BackupMismatchException.class).hasMessageContaining("1 value(s) differ")
                .hasMessageContaining("RollbackOptions.force");
        assertThat(columns(sd, "mm_a")).contains(renamed.toLowerCase(Locale.ROOT));
        RollbackResult forced = sd.deprecations().rollback(result.runId(), RollbackOptions.force("value fixed by hand"));
        assertThat(forced.mismatches()).hasSize(1);
        assertThat(db.queryLong("SELECT COUNT(*) FROM mm_a WHERE legacy = 'changed'")).isEqualTo(1);
    }

    @Test
    void rollbackToACheckpointReversesEveryLaterRun() {
        table("cp_a");
        table("cp_b");
        table("cp_c");
        SoftDelete sd = sd();
        watchedLongEnough(sd, DeprecationTarget.table("cp_a"), DeprecationTarget.table("cp_b"),
                DeprecationTarget.table("cp_c"));
        long[] runs = new long[3];
        String[] tables = {"cp_a", "cp_b", "cp_c"};
        for (int i = 0; i < 3; i++) {
            DeprecationPlan plan = sd.deprecations().plan(DeprecationRequest.of("migration",
                    DeprecationTarget.table(tables[i])));
            runs[i] = sd.deprecations().apply(plan, plan.token()).runId();
        }
        List<RollbackResult> rolled = sd.deprecations().rollbackTo(runs[0], RollbackOptions.defaults());
        assertThat(rolled).extracting(RollbackResult::deprecationRunId).containsExactly(runs[2], runs[1]);
        assertThat(find(sd, "cp_a")).isEmpty();
        assertThat(find(sd, "cp_b")).isPresent();
        assertThat(find(sd, "cp_c")).isPresent();
    }

    @Test
    void statusJoinsTheRegistryWithUsage() {
        table("ds_a");
        SoftDelete sd = sd();
        DeprecationResult result = deprecateLegacy(sd, "ds_a");
        clock.set(NOW.plus(Duration.ofDays(2)));
        assertThat(status(sd, "ds_a").removal()).isEqualTo(DeprecatedElementStatus.Removal.COOLING_OFF);
        AppliedElement e = result.elements().get(0);
        usage(sd, e.table() + "." + e.name(), NOW.plus(Duration.ofDays(1)), "com.acme.Legacy.query(Legacy.java:7)");
        DeprecationStatus status = sd.deprecations().status();
        DeprecatedElementStatus element = status(sd, "ds_a");
        assertThat(element.state()).isEqualTo(DeprecationState.APPLIED);
        assertThat(element.accessesSinceDeprecation()).isEqualTo(3);
        assertThat(element.lastCaller()).contains("Legacy.java:7");
        assertThat(element.removal()).isEqualTo(DeprecatedElementStatus.Removal.IN_USE);
        assertThat(element.age()).isEqualTo(Duration.ofDays(2));
        assertThat(status.countByState().get(DeprecationState.APPLIED)).isPositive();
        assertThat(Document.read(status.toJson(), "deprecation-status", 1).number("accesses_after_deprecation"))
                .isEqualTo(status.accessesAfterDeprecation()).isGreaterThanOrEqualTo(3);
    }

    private static DeprecatedElementStatus status(SoftDelete sd, String table) {
        return sd.deprecations().status().elements().stream().filter(e -> e.table().equalsIgnoreCase(table))
                .findFirst().orElseThrow();
    }

    @Test
    void metersCountOperationsElementsAndGaugeTheLastStatus() {
        table("mt_a");
        io.micrometer.core.instrument.simple.SimpleMeterRegistry registry =
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        java.util.List<String> observed = new java.util.concurrent.CopyOnWriteArrayList<>();
        io.micrometer.observation.ObservationRegistry observations = io.micrometer.observation.ObservationRegistry.create();
        observations.observationConfig().observationHandler(
                new io.micrometer.observation.ObservationHandler<io.micrometer.observation.Observation.Context>() {
                    @Override
                    public boolean supportsContext(io.micrometer.observation.Observation.Context context) {
                        return true;
                    }

                    @Override
                    public void onStop(io.micrometer.observation.Observation.Context context) {
                        observed.add(context.getName() + " " + context.getLowCardinalityKeyValue("operation").getValue());
                    }
                });
        SoftDelete sd = softDelete(b -> b.clock(clock).metrics(
                dev.softdelete.core.metrics.micrometer.MicrometerMetrics.of(registry, observations)));
        DeprecationResult result = deprecateLegacy(sd, "mt_a");
        DeprecationStatus status = sd.deprecations().status();
        assertThat(registry.get(dev.softdelete.core.metrics.MetricNames.DEPRECATION_STATUS).tag("state", "applied")
                .gauge().value()).isEqualTo((double) status.countByState().get(DeprecationState.APPLIED));
        sd.deprecations().rollback(result.runId());
        assertThat(registry.get(dev.softdelete.core.metrics.MetricNames.DEPRECATION_OPERATIONS)
                .tag("operation", "apply").tag("outcome", "success").counter().count()).isEqualTo(1.0);
        assertThat(registry.get(dev.softdelete.core.metrics.MetricNames.DEPRECATION_OPERATIONS)
                .tag("operation", "rollback").tag("outcome", "success").counter().count()).isEqualTo(1.0);
        assertThat(registry.get(dev.softdelete.core.metrics.MetricNames.DEPRECATION_ELEMENTS).tag("type", "column")
                .tag("change", "rolled_back").counter().count()).isEqualTo(1.0);
        assertThat(registry.get(dev.softdelete.core.metrics.MetricNames.DEPRECATION_DURATION).tag("operation", "rollback")
                .timer().count()).isEqualTo(1);
        assertThat(registry.get(dev.softdelete.core.metrics.MetricNames.DEPRECATION_ACCESSES_AFTER).gauge().value())
                .isEqualTo((double) status.accessesAfterDeprecation());
        assertThat(observed).as("an observation (a span, with tracing) per apply and rollback")
                .containsExactly("softdelete.deprecation apply", "softdelete.deprecation rollback");
    }

    /** A data source whose connections run {@code statement} first (another instance, another session zone). */
    private javax.sql.DataSource sessionWith(String statement) {
        javax.sql.DataSource target = db.newPool(2);
        return (javax.sql.DataSource) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {javax.sql.DataSource.class}, (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(target, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("getConnection")) {
                        try (java.sql.Statement st = ((java.sql.Connection) result).createStatement()) {
                            st.execute(statement);
                        }
                    }
                    return result;
                });
    }

    @Test
    void checksumsDoNotDependOnTheSessionTimeZoneAndAnElementCanBeDeprecatedAgain() {
        db.execute("CREATE TABLE tz_a (id INTEGER PRIMARY KEY, seen_at " + db.database().zonedTimestampType()
                + ", legacy VARCHAR(20))");
        for (int i = 1; i <= 5; i++) {
            db.execute("INSERT INTO tz_a (id, seen_at, legacy) VALUES (" + i + ", "
                    + db.database().zonedTimestampLiteral(NOW.plus(Duration.ofHours(i))) + ", 'x" + i + "')");
        }
        SoftDelete sd = sd();
        watchedLongEnough(sd, DeprecationTarget.table("tz_a"));
        DeprecationPlan plan = sd.deprecations().plan(DeprecationRequest.of("unused", DeprecationTarget.table("tz_a")));
        DeprecationResult result = sd.deprecations().apply(plan, plan.token());

        SoftDelete elsewhere = SoftDelete.builder(sessionWith(db.database().tokyoSessionTimeZone())).clock(clock)
                .build();
        RollbackResult rollback = elsewhere.deprecations().rollback(result.runId());
        assertThat(rollback.mismatches()).isEmpty();
        assertThat(find(sd, "tz_a")).isPresent();

        DeprecationRequest request = DeprecationRequest.of("unused", DeprecationTarget.table("tz_a"));
        assertThat(sd.deprecations().plan(request).elements().get(0).reasons()).as("a rollback stops the watch")
                .extracting(BlockReason::code).containsExactly(BlockReason.NOT_WATCHED);
        watchedLongEnough(sd, DeprecationTarget.table("tz_a"));
        DeprecationPlan again = sd.deprecations().plan(request);
        assertThat(again.verdict()).as(again.toString()).isEqualTo(Verdict.SAFE);
        assertThat(again.elements().get(0).newName()).isEqualTo(plan.elements().get(0).newName());
        DeprecationResult second = sd.deprecations().apply(again, again.token());
        assertThat(records(sd, "tz_a")).extracting(DeprecationRecord::state)
                .containsExactlyInAnyOrder(DeprecationState.ROLLED_BACK, DeprecationState.APPLIED);
        assertThat(records(sd, "tz_a")).filteredOn(r -> r.state() == DeprecationState.ROLLED_BACK)
                .singleElement().extracting(DeprecationRecord::watch).isEqualTo(false);
        assertThat(second.elements().get(0).checksum()).isEqualTo(result.elements().get(0).checksum());
        sd.deprecations().rollback(second.runId());
    }

    /** The name of the index on {@code column} of {@code table} (stored name), from JDBC metadata. */
    private String indexOn(String table, String column) {
        try (java.sql.Connection c = dataSource().getConnection()) {
            var scope = dialect().scope(c);
            try (var rs = c.getMetaData().getIndexInfo(scope.catalog(), scope.schema(), table, false, true)) {
                while (rs.next()) {
                    if (column.equalsIgnoreCase(rs.getString("COLUMN_NAME"))) {
                        return rs.getString("INDEX_NAME");
                    }
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("no index on " + table + "." + column);
    }

    @Test
    void rollbackAcceptsRowsTheApplicationInsertedOrDeletedMeanwhileButNotWritesToTheColumn() {
        table("busy_a");
        SoftDelete sd = sd();
        DeprecationResult result = deprecateLegacy(sd, "busy_a");
        String renamed = result.elements().get(0).newName();
        // the application goes on using the table's other columns
        db.execute("INSERT INTO busy_a (id, keep_me) VALUES (21, 21)", "DELETE FROM busy_a WHERE id = 2",
                "UPDATE busy_a SET keep_me = 99 WHERE id = 4");
        RollbackResult rollback = sd.deprecations().rollback(result.runId());
        assertThat(rollback.mismatches()).isEmpty();
        assertThat(db.queryLong("SELECT COUNT(*) FROM busy_a WHERE legacy IS NOT NULL")).isEqualTo(15);

        DeprecationResult second = deprecateLegacy(sd, "busy_a");
        db.execute("INSERT INTO busy_a (id, " + renamed + ") VALUES (22, 'written')");
        assertThatThrownBy(() -> sd.deprecations().rollback(second.runId()))
                .isInstanceOf(BackupMismatchException.class).hasMessageContaining("1 row(s) added since carry a value");
        db.execute("DELETE FROM busy_a WHERE id = 22", "DELETE FROM " + second.elements().get(0).backupRef()
                + " WHERE id = 1");
        assertThatThrownBy(() -> sd.deprecations().rollback(second.runId()))
                .isInstanceOf(BackupMismatchException.class).hasMessageContaining("backup table");
        sd.deprecations().rollback(second.runId(), RollbackOptions.force("backup row removed by the test"));
        assertThat(columns(sd, "busy_a")).contains("legacy");
    }

    @Test
    void aColumnOfATableWithoutPrimaryKeyIsBackedUpWholeRowAndComparedNullSafely() {
        db.execute("CREATE TABLE nopk_a (code VARCHAR(10), legacy VARCHAR(20), note VARCHAR(20))",
                "INSERT INTO nopk_a (code, legacy, note) VALUES ('a', 'x', NULL), (NULL, 'y', 'n'), ('c', NULL, NULL)");
        SoftDelete sd = sd();
        DeprecationResult result = deprecateLegacy(sd, "nopk_a");
        assertThat(result.elements().get(0).rowCount()).isEqualTo(3);
        assertThat(columns(sd, result.elements().get(0).backupRef())).containsExactly("code", "legacy", "note");
        db.execute("INSERT INTO nopk_a (code, note) VALUES ('d', NULL)");
        assertThat(sd.deprecations().rollback(result.runId()).mismatches()).isEmpty();
        assertThat(db.queryLong("SELECT COUNT(*) FROM nopk_a WHERE legacy = 'y'")).isEqualTo(1);
    }

    @Test
    void aRollbackWhoseSecondRenameFailsLeavesEverythingDeprecated() {
        table("rf1");
        table("rf2");
        table("rf3");
        SoftDelete sd = sd();
        DeprecationTarget[] targets = {DeprecationTarget.column("rf1", "legacy"), DeprecationTarget.column("rf2", "legacy"),
            DeprecationTarget.column("rf3", "legacy")};
        watchedLongEnough(sd, targets);
        DeprecationPlan plan = sd.deprecations().plan(DeprecationRequest.of("unused", targets));
        DeprecationResult result = sd.deprecations().apply(plan, plan.token());
        String renamed = result.elements().get(0).newName();
        sd.deprecations().beforeRenameBack(r -> {
            if (r.step() == 2) { // rolled back in reverse: rf3 first, then rf2, whose old name someone takes now
                db.execute("ALTER TABLE rf2 ADD legacy INTEGER");
            }
        });
        assertThatThrownBy(() -> sd.deprecations().rollback(result.runId()))
                .isInstanceOf(DeprecationFailedException.class).hasMessageContaining("stays applied");
        sd.deprecations().beforeRenameBack(r -> { });
        for (String t : new String[] {"rf1", "rf3"}) {
            assertThat(columns(sd, t)).as(t).contains(renamed.toLowerCase(Locale.ROOT)).doesNotContain("legacy");
        }
        assertThat(sd.runRegistry().require(result.runId()).status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(runs(sd, "rf1")).filteredOn(r -> r.mode() == RunMode.UNDO).singleElement()
                .extracting(RunRecord::status).isEqualTo(RunStatus.FAILED);
        assertThat(records(sd, "rf3")).extracting(DeprecationRecord::state).containsExactly(DeprecationState.APPLIED);

        db.execute("ALTER TABLE rf2 DROP COLUMN legacy");
        sd.deprecations().rollback(result.runId());
        for (String t : new String[] {"rf1", "rf2", "rf3"}) {
            assertThat(columns(sd, t)).as(t).contains("legacy");
        }
    }

    @Test
    void aRenameThatCannotGetItsLockInTimeRenamesNothing() throws Exception {
        Assumptions.assumeTrue(db.database().renameWaitsForOpenTransactions(), "renames do not wait on this database");
        table("lk_a");
        table("lk_b");
        SoftDelete sd = softDelete(b -> b.clock(clock).lockTimeout(Duration.ofMillis(500))
                .statementTimeout(Duration.ofSeconds(20)));
        DeprecationTarget[] targets = {DeprecationTarget.column("lk_a", "legacy"), DeprecationTarget.column("lk_b", "legacy")};
        watchedLongEnough(sd, targets);
        DeprecationPlan plan = sd.deprecations().plan(DeprecationRequest.of("unused", targets));
        try (java.sql.Connection holder = db.newPool(1).getConnection()) {
            holder.setAutoCommit(false);
            sd.deprecations().beforeRename((step, element) -> {
                if (step == 2) { // after the backups: a long transaction reads lk_b
                    try (java.sql.Statement st = holder.createStatement()) {
                        st.executeQuery("SELECT COUNT(*) FROM lk_b").close();
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            long start = System.nanoTime();
            assertThatThrownBy(() -> sd.deprecations().apply(plan, plan.token()))
                    .isInstanceOf(DeprecationFailedException.class).hasMessageContaining("nothing is renamed");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("bounded by the lock wait, not the statement time")
                    .isLessThan(Duration.ofSeconds(12));
            holder.rollback();
        }
        assertThat(columns(sd, "lk_a")).contains("legacy");
        assertThat(columns(sd, "lk_b")).contains("legacy");
    }

    @Test
    void theLibrarysOwnColumnsOfASoftDeletableTableBlock() {
        db.execute("CREATE TABLE sdt_a (id INTEGER PRIMARY KEY, deleted_at " + db.database().localTimestampType()
                + ", note VARCHAR(20))");
        SoftDelete sd = softDelete(b -> b.clock(clock).softDeletable(
                dev.softdelete.core.table.SoftDeletableTable.of("sdt_a")));
        DeprecationTarget[] targets = {DeprecationTarget.column("sdt_a", "deleted_at"), DeprecationTarget.column("sdt_a",
                "note")};
        watchedLongEnough(sd, targets);
        DeprecationPlan plan = sd.deprecations().plan(DeprecationRequest.of("unused", targets));
        assertThat(kinds(plan, 0)).contains("SOFT_DELETABLE");
        assertThat(plan.elements().get(1).verdict()).as(plan.toString()).isEqualTo(Verdict.SAFE);
        DeprecationPlan table = sd.deprecations().plan(DeprecationRequest.of("unused", DeprecationTarget.table("sdt_a")));
        assertThat(kinds(table, 0)).contains("SOFT_DELETABLE");
    }
}
