package dev.statecraft.local;
