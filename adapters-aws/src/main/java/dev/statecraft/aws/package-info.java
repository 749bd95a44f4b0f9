package dev.statecraft.aws;
