select "unit_id", max("date") as "last" from "meetings" where "unit_id" in (?, ?) and "status" in (?, ?) group by "unit_id";
-- parameters: ["u1","u2","open","closed"]
