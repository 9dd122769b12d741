-- Open data (DESIGN §11): organisations' org-id identifiers, the fund's publisher settings (its
-- 360Giving prefix and IATI reporting-org ref), and per grant its own DAC purpose code and whether
-- a fund manager has marked it publishable.

-- An org-id identifier (org-id.guide): scheme and id, e.g. XM-DAC-41121; '' when none is known.
ALTER TABLE organisations ADD COLUMN identifier TEXT NOT NULL DEFAULT '';

-- The one publisher of the fund's open data: which fund organisation, its 360Giving prefix
-- ('360G-...') and its IATI reporting-org ref; '' until an admin sets them.
CREATE TABLE publisher (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  fund_org_id BIGINT REFERENCES organisations (id),
  giving_prefix TEXT NOT NULL DEFAULT '',
  iati_ref TEXT NOT NULL DEFAULT '',
  updated_at BIGINT NOT NULL DEFAULT 0,
  version BIGINT NOT NULL DEFAULT 1
);
INSERT INTO publisher (id) VALUES (1);

-- The service's own DAC 5-digit purpose code beside the fund's default (15190), '' when none;
-- publishable: a fund manager's choice, off until then; published_at: when it was last switched on.
ALTER TABLE grants ADD COLUMN sector_code TEXT NOT NULL DEFAULT '';
ALTER TABLE grants ADD COLUMN publishable SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE grants ADD COLUMN published_at BIGINT;
CREATE INDEX grants_publishable ON grants (publishable);
