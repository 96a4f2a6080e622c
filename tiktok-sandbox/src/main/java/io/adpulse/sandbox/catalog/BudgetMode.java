package io.adpulse.sandbox.catalog;

/** TikTok's budget modes: a daily cap, a lifetime cap, or none (the ad groups' budgets govern). */
public enum BudgetMode {
    BUDGET_MODE_DAY,
    BUDGET_MODE_TOTAL,
    BUDGET_MODE_INFINITE
}
