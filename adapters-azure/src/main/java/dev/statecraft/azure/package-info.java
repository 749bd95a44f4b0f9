package dev.statecraft.azure;
