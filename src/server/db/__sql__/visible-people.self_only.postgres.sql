select "people"."id" from "people" where "people"."id" = $1;
-- parameters: ["p1"]
