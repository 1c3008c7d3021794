"""Provides offline full-text search: the FTS5 index over tickets and its upkeep.

One FTS row per ticket (subject, customer name and e-mail, every cached message body), kept current
by triggers, so sync code needs no search-specific calls and the index can never drift from the cache.
"""

from __future__ import annotations

_DOC = """(SELECT coalesce(p.name, '') || ' ' || coalesce(p.email, '') FROM people p WHERE p.id = t.requester_id),
    (SELECT coalesce(group_concat(m.body, ' '), '') FROM messages m WHERE m.ticket_id = t.id)"""

SCHEMA = f"""
CREATE VIRTUAL TABLE ticket_fts USING fts5(
    ticket_id UNINDEXED, subject, customer, body, tokenize = "unicode61 remove_diacritics 2"
);
CREATE TRIGGER ticket_fts_insert AFTER INSERT ON tickets BEGIN
    INSERT INTO ticket_fts (rowid, ticket_id, subject, customer, body)
    SELECT t.rowid, t.id, t.subject, {_DOC} FROM tickets t WHERE t.rowid = new.rowid;
END;
CREATE TRIGGER ticket_fts_update AFTER UPDATE OF subject, requester_id ON tickets
WHEN old.subject IS NOT new.subject OR old.requester_id IS NOT new.requester_id BEGIN
    DELETE FROM ticket_fts WHERE rowid = old.rowid;
    INSERT INTO ticket_fts (rowid, ticket_id, subject, customer, body)
    SELECT t.rowid, t.id, t.subject, {_DOC} FROM tickets t WHERE t.rowid = new.rowid;
END;
CREATE TRIGGER ticket_fts_message AFTER INSERT ON messages BEGIN
    DELETE FROM ticket_fts WHERE rowid = (SELECT rowid FROM tickets WHERE id = new.ticket_id);
    INSERT INTO ticket_fts (rowid, ticket_id, subject, customer, body)
    SELECT t.rowid, t.id, t.subject, {_DOC} FROM tickets t WHERE t.id = new.ticket_id;
END;
CREATE TRIGGER ticket_fts_person AFTER UPDATE OF name, email ON people BEGIN
    DELETE FROM ticket_fts WHERE rowid IN (SELECT rowid FROM tickets WHERE requester_id = new.id);
    INSERT INTO ticket_fts (rowid, ticket_id, subject, customer, body)
    SELECT t.rowid, t.id, t.subject, {_DOC} FROM tickets t WHERE t.requester_id = new.id;
END;
CREATE TRIGGER ticket_fts_person_new AFTER INSERT ON people BEGIN
    DELETE FROM ticket_fts WHERE rowid IN (SELECT rowid FROM tickets WHERE requester_id = new.id);
    INSERT INTO ticket_fts (rowid, ticket_id, subject, customer, body)
    SELECT t.rowid, t.id, t.subject, {_DOC} FROM tickets t WHERE t.requester_id = new.id;
END;
INSERT INTO ticket_fts (rowid, ticket_id, subject, customer, body)
    SELECT t.rowid, t.id, t.subject, {_DOC} FROM tickets t;
"""
"""Appended to the store's migrations; the last statement indexes what a cache already holds."""
