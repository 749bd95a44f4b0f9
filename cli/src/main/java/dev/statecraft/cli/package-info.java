package dev.statecraft.cli;
