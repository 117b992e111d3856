select "id", "unit_id", "title", "date", "minutes_approved_on" from "meetings" where "unit_id" in ($1) and "status" in ($2, $3) and "date" <= $4 and "date" >= $5 order by "date" desc;
-- parameters: ["u1","open","closed","2026-06-01","2026-01-01"]
