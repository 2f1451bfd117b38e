#!/usr/bin/env python3
"""Writes a benchmark taxonomy: data/taxonomy.json's frame with a fixed, realistic cue set (no other-work cues).

usage: make_bench_taxonomy.py BASE_TAXONOMY OUT [MULTIPLIER]
With MULTIPLIER > 1 every cue is repeated with synthetic extra phrases (for start-up scaling)."""
import json
import sys

CUES = {
    "business_concept": [
        ("sales", "sell_products", 1.0, ["sell", "sell products", "sell merchandise", "selling", "sales of"]),
        ("sales", "seek_customers", 1.0, ["seek out customers", "find customers", "new customers", "new accounts", "customer base"]),
        ("sales", "close_deal", 1.5, ["close sales", "close deals", "close the sale", "transaction", "transactions", "sales contract"]),
        ("sales", "recommend_value", 1.0, ["recommend products", "explain products", "product demonstration", "demonstrate products", "demonstrate equipment"]),
        ("marketing", "create_demand", 1.0, ["create demand", "generate interest", "awareness", "sense of need", "stimulate demand"]),
        ("marketing", "channels", 1.0, ["channel", "channels", "distribution channels", "media", "advertising media", "social media"]),
        ("marketing", "trading_environment", 1.0, ["market conditions", "marketing environment", "market research", "market trends"]),
        ("marketing", "advertising", 1.5, ["advertising", "advertisement", "advertisements", "ad campaign", "advertising campaigns"]),
    ],
    "core_capabilities": [
        ("sales", "prospect_list", 1.5, ["prospect", "prospects", "prospective customers", "potential customers", "leads", "lead generation", "prospect list"]),
        ("sales", "cold_call", 2.0, ["cold call", "cold calls", "cold-call", "telephone customers", "call on customers", "visit customers"]),
        ("sales", "customer_interview", 1.0, ["customer interview", "meet with customers", "sales calls", "sales presentations", "appointments with clients"]),
        ("sales", "quote_price", 1.0, ["quote prices", "price quotes", "prepare quotes", "negotiate prices", "negotiate contracts", "credit terms"]),
        ("sales", "take_orders", 1.5, ["take orders", "orders", "order", "purchase orders", "process orders"]),
        ("sales", "account_mgmt", 1.0, ["accounts", "account", "key accounts", "client accounts", "customer accounts"]),
        ("marketing", "marketing_plan", 2.0, ["marketing plan", "marketing plans", "marketing strategy", "marketing strategies", "marketing programs"]),
        ("marketing", "content", 1.5, ["content", "copy", "copywriting", "write copy", "brochures", "catalogs", "promotional materials", "press releases"]),
        ("marketing", "promotion", 1.5, ["promotion", "promotions", "promotional", "promote", "promotional campaigns", "sales promotion"]),
        ("marketing", "campaign", 1.5, ["campaign", "campaigns", "marketing campaigns", "email campaigns"]),
        ("marketing", "research", 1.0, ["consumer research", "survey", "surveys", "focus groups", "consumer trends", "market analysis", "competitor"]),
        ("marketing", "pricing_strategy", 1.0, ["pricing strategy", "pricing policies", "product positioning", "segmentation", "target market", "target audience"]),
    ],
    "execution_capabilities": [
        ("sales", "persistence", 1.0, ["follow up", "follow-up", "persistence", "patience", "willpower", "quota", "sales quota", "sales goals"]),
        ("sales", "interpersonal", 1.0, ["interpersonal", "relationships with customers", "customer relationships", "rapport", "build relationships"]),
        ("sales", "negotiation", 1.0, ["negotiate", "negotiation", "bargain", "persuade", "overcome objections"]),
        ("marketing", "analysis", 1.0, ["analyze data", "analytics", "metrics", "web analytics", "statistical", "forecast"]),
        ("marketing", "creative_writing", 1.0, ["creative", "writing", "design", "graphic", "layout", "artwork"]),
        ("marketing", "computer_skills", 1.0, ["web", "website", "online", "search engine", "seo", "digital", "software"]),
    ],
    "essential_purpose": [
        ("sales", "revenue", 1.0, ["revenue", "profit", "cash flow", "sales volume", "sales targets", "commission", "commissions"]),
        ("sales", "sell_product", 1.0, ["sales of products", "sell services", "sell insurance", "sell property", "sell real estate"]),
        ("marketing", "brand", 2.0, ["brand", "branding", "brand awareness", "brand image", "brand identity", "corporate image"]),
        ("marketing", "public_relations", 1.5, ["public relations", "publicity", "public image", "sponsorship", "trade shows", "events"]),
    ],
}


def main() -> None:
    base, out = sys.argv[1], sys.argv[2]
    multiplier = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    taxonomy = json.load(open(base, encoding="utf-8"))
    for difference in taxonomy["differences"]:
        cues = []
        for copy in range(multiplier):
            for side, cue_id, weight, phrases in CUES[difference["id"]]:
                if copy:  # synthetic variants: same shape, distinct words
                    phrases = [f"{p} v{copy}x" for p in phrases]
                    cue_id = f"{cue_id}_{copy}"
                cues.append({"id": f"{side}.{cue_id}", "side": side, "weight": weight,
                             "phrases": phrases, "rationale": "benchmark cue"})
        difference["cues"] = cues
    # The base's other-work phrases would collide with these cues (the loader refuses a phrase that two cues
    # share): the benchmark taxonomy measures sales and marketing cues only.
    taxonomy["other_work"]["cues"] = []
    with open(out, "w", encoding="utf-8") as f:
        json.dump(taxonomy, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
