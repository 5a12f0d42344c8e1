-- A stored copy of the in-memory model (ADR 38): the network's and the order book's columns as
-- binary pieces, which a server starting reads instead of every member and order row, then applies
-- the change log after its number. One copy (id 1), replaced whole in one transaction; format 0
-- says there is none (the row is always there, so writers queue on it).
CREATE TABLE model_snapshot (
  id      INTEGER       PRIMARY KEY CHECK (id = 1),
  format  INTEGER       NOT NULL,
  seq     BIGINT        NOT NULL,
  members INTEGER       NOT NULL,
  orders  INTEGER       NOT NULL,
  pieces  INTEGER       NOT NULL,
  columns VARCHAR(4000) NOT NULL,
  made_at TIMESTAMP     NOT NULL
);
INSERT INTO model_snapshot (id, format, seq, members, orders, pieces, columns, made_at)
  VALUES (1, 0, 0, 0, 0, 0, '', CURRENT_TIMESTAMP);

-- The pieces: column number, index of the first value, a CRC-32C of the bytes, the bytes (4 MB at most).
CREATE TABLE model_snapshot_piece (
  no    INTEGER PRIMARY KEY,
  col   INTEGER NOT NULL,
  first BIGINT  NOT NULL,
  crc   INTEGER NOT NULL,
  data  BYTEA   NOT NULL
);
