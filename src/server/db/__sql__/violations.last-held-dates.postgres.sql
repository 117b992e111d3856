select "unit_id", max("date") as "last" from "meetings" where "unit_id" in ($1, $2) and "status" in ($3, $4) group by "unit_id";
-- parameters: ["u1","u2","open","closed"]
