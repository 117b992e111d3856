select "id", "unit_id", "title", "date", "minutes_approved_on" from "meetings" where "unit_id" in (?) and "status" in (?, ?) and "date" <= ? and "date" >= ? order by "date" desc;
-- parameters: ["u1","open","closed","2026-06-01","2026-01-01"]
