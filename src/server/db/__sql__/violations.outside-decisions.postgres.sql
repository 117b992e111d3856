select "id", "unit_id", "title", "decided_on", "kind", "tzyd_category", "collective_required", "decided_how" from "agenda_items" where "origin" = $1 and "unit_id" in ($2) and "decided_on" >= $3 and "decided_on" <= $4;
-- parameters: ["outside_meeting","u1","2026-01-01","2026-12-31"]
