package dev.softdelete.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.softdelete.testing.DatabaseTest;
import org.junit.jupiter.api.Test;

/** Unique keys are reported under the name users declared, on every database. */
public abstract class CatalogUniqueKeyContract extends DatabaseTest {

    @Test
    void uniqueConstraintsAndIndexesKeepTheirDeclaredNames() {
        db.execute("CREATE TABLE widgets (id BIGINT PRIMARY KEY, code VARCHAR(20) NOT NULL, label VARCHAR(20),"
                        + " CONSTRAINT uq_widgets_code UNIQUE (code))",
                "CREATE UNIQUE INDEX ux_widgets_label ON widgets (label)");
        TableInfo table = softDelete(b -> b.initializeSchema(false)).catalog().require("widgets");
        assertThat(table.uniqueKeys()).filteredOn(k -> !k.primaryKey())
                .extracting(k -> k.name().toLowerCase() + k.columns().toString().toLowerCase())
                .containsExactlyInAnyOrder("uq_widgets_code[code]", "ux_widgets_label[label]");
        assertThat(table.uniqueKeys()).filteredOn(UniqueKeyInfo::primaryKey).hasSize(1);
    }
}
