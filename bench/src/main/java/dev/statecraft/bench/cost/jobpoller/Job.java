package dev.statecraft.bench.cost.jobpoller;

/** A job: how many status checks it takes to finish, and whether it fails. */
public record Job(String name, int checks, boolean fails) {}
