package dev.statecraft.adapters;
