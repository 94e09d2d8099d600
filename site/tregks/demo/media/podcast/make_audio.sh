#!/bin/sh
# Development-time only: regenerates the demo episodes' MP3 files from their transcripts.
# Needs Debian's espeak-ng and lame; load_demo only copies the committed MP3 files.
set -eu
cd "$(dirname "$0")"
for n in 1 2 3; do
    espeak-ng -v de -s 145 -w "folge-$n.wav" -f "folge-$n.txt"
    lame --quiet -m m -b 32 --resample 22.05 --tt "Kassel fährt voraus, Folge $n" \
        --ta "Transformationsnetzwerk Region Kassel" "folge-$n.wav" "folge-$n.mp3"
    rm "folge-$n.wav"
done
