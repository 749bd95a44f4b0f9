package dev.statecraft.bench.cost.parallellookup;

/** What the lookups found. */
public record Contact(String name, String address, String phone) {}
