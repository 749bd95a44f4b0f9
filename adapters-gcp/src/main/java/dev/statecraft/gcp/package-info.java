package dev.statecraft.gcp;
