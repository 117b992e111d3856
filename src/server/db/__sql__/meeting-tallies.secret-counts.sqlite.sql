select "candidate_id", "choice", count(*) as "n" from "secret_votes" where "meeting_item_id" = ? group by "candidate_id", "choice";
-- parameters: ["mi1"]
