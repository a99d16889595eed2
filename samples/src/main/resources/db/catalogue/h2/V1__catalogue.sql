-- H2: partial indexes do not exist, a generated flag column (1 when active, NULL when deleted) joins the unique keys.
-- The catalogue's own schema (the application's migrations; the library's tables are not here).
-- Soft-deletable tables carry deleted_at (UTC) and deleted_by, and an index led by deleted_at
-- (deleted-items listings, retention purge).

CREATE TABLE users (
    id BIGINT PRIMARY KEY,
    email VARCHAR(200) NOT NULL,
    last_login_at TIMESTAMP(6),
    deleted_at TIMESTAMP(6),
    deleted_by VARCHAR(100)
);

CREATE TABLE products (
    id BIGINT PRIMARY KEY,
    sku VARCHAR(40) NOT NULL,
    name VARCHAR(200) NOT NULL,
    owner_id BIGINT,
    updated_at TIMESTAMP(6) NOT NULL,
    deleted_at TIMESTAMP(6),
    deleted_by VARCHAR(100),
    CONSTRAINT fk_products_owner FOREIGN KEY (owner_id) REFERENCES users (id)
);

CREATE TABLE assets (
    id BIGINT PRIMARY KEY,
    url VARCHAR(400) NOT NULL,
    deleted_at TIMESTAMP(6),
    deleted_by VARCHAR(100)
);

CREATE TABLE product_assets (
    id BIGINT PRIMARY KEY,
    product_id BIGINT NOT NULL,
    asset_id BIGINT NOT NULL,
    deleted_at TIMESTAMP(6),
    deleted_by VARCHAR(100),
    CONSTRAINT fk_product_assets_product FOREIGN KEY (product_id) REFERENCES products (id),
    CONSTRAINT fk_product_assets_asset FOREIGN KEY (asset_id) REFERENCES assets (id)
);

CREATE TABLE product_attributes (
    id BIGINT PRIMARY KEY,
    product_id BIGINT NOT NULL,
    attr_key VARCHAR(60) NOT NULL,
    attr_value VARCHAR(400),
    deleted_at TIMESTAMP(6),
    deleted_by VARCHAR(100),
    CONSTRAINT fk_product_attributes_product FOREIGN KEY (product_id) REFERENCES products (id)
);

CREATE INDEX ix_users_deleted_at ON users (deleted_at);
CREATE INDEX ix_products_deleted_at ON products (deleted_at);
CREATE INDEX ix_assets_deleted_at ON assets (deleted_at);
CREATE INDEX ix_product_assets_deleted_at ON product_assets (deleted_at);
CREATE INDEX ix_product_attributes_deleted_at ON product_attributes (deleted_at);

-- SKUs and asset URLs are unique among active rows only, so a deleted product's SKU can be reused
-- and restoring the deleted one is then refused (409). The statements are what
-- HibernateSoftDelete.uniqueKeys().uniqueAmongActive(...) emits for this database.
ALTER TABLE products ADD COLUMN sd_active SMALLINT GENERATED ALWAYS AS (CASE WHEN deleted_at IS NULL THEN 1 END);
CREATE UNIQUE INDEX uq_products_sku ON products (sku, sd_active);
ALTER TABLE assets ADD COLUMN sd_active SMALLINT GENERATED ALWAYS AS (CASE WHEN deleted_at IS NULL THEN 1 END);
CREATE UNIQUE INDEX uq_assets_url ON assets (url, sd_active);
