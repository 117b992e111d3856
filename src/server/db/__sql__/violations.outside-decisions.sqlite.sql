select "id", "unit_id", "title", "decided_on", "kind", "tzyd_category", "collective_required", "decided_how" from "agenda_items" where "origin" = ? and "unit_id" in (?) and "decided_on" >= ? and "decided_on" <= ?;
-- parameters: ["outside_meeting","u1","2026-01-01","2026-12-31"]
