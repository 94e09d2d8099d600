"""Make the self-hosted demo videos and their WebVTT captions (run by hand, not by load_demo).

    python site/tregks/demo/media/stories/make_media.py

Needs espeak-ng and ffmpeg (Debian: apt-get install espeak-ng ffmpeg). Each video is a
still title card with the transcript of tregks/demo/data/stories.yaml spoken by two synthetic
voices; the captions are timed from the length of each spoken line. The results are
committed, so load_demo needs neither tool.
"""

import shutil
import subprocess
import sys
import tempfile
import wave
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
STORIES = yaml.safe_load((HERE.parent.parent / "data" / "stories.yaml").read_text("utf-8"))[
    "stories"
]

ESPEAK = shutil.which("espeak-ng") or sys.exit("espeak-ng is missing.")
FFMPEG = shutil.which("ffmpeg") or sys.exit("ffmpeg is missing.")
PAUSE = 0.4  # seconds of silence between two speakers
VOICES = {"Moderation": "de+f3"}  # the host; everyone else speaks with VOICE
VOICE = "de+m3"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def timestamp(seconds):
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{int(hours):02d}:{int(minutes):02d}:{secs:06.3f}"


def speak(text, voice, target):
    subprocess.run(  # noqa: S603 - fixed tools, own text
        [ESPEAK, "-v", voice, "-s", "165", "-w", str(target), text], check=True
    )
    with wave.open(str(target)) as audio:
        return audio.getnframes() / audio.getframerate()


def make(story):
    video = story["video"]
    title = story["title"]["de"].split(":")[0]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        parts, cues, start = [], [], 0.0
        for index, line in enumerate(story["transcript"]):
            role, text = line["role"]["de"], line["text"]["de"]
            wav = tmp / f"{index:02d}.wav"
            length = speak(text, VOICES.get(role, VOICE), wav)
            parts.append(wav)
            cues.append((start, start + length, f"<v {role}>{text}"))
            start += length + PAUSE
        listing = tmp / "list.txt"
        silence = tmp / "pause.wav"
        subprocess.run(  # noqa: S603 - fixed tools, own text
            [
                FFMPEG,
                "-v",
                "error",
                "-y",
                "-f",
                "lavfi",
                "-i",
                "anullsrc=r=22050:cl=mono",
                "-t",
                str(PAUSE),
                str(silence),
            ],
            check=True,
        )
        listing.write_text(
            "".join(f"file '{part}'\nfile '{silence}'\n" for part in parts)
        )
        speech = tmp / "speech.wav"
        subprocess.run(  # noqa: S603 - fixed tools, own text
            [
                FFMPEG,
                "-v",
                "error",
                "-y",
                "-f",
                "concat",
                "-safe",
                "0",
                "-i",
                str(listing),
                "-ar",
                "22050",
                "-ac",
                "1",
                str(speech),
            ],
            check=True,
        )
        card = (
            f"drawtext=fontfile={FONT}:text='{title}':fontcolor=white:fontsize=22:"
            "x=(w-text_w)/2:y=(h/2)-24,"
            f"drawtext=fontfile={FONT}:text='tregks Demo-Video':fontcolor=white:"
            "fontsize=14:x=(w-text_w)/2:y=(h/2)+12"
        )
        subprocess.run(  # noqa: S603 - fixed tools, own text
            [
                FFMPEG,
                "-v",
                "error",
                "-y",
                "-f",
                "lavfi",
                "-i",
                "color=c=0x0b4f6c:s=426x240:r=2",
                "-i",
                str(speech),
                "-vf",
                card,
                "-t",
                f"{start:.3f}",
                "-c:v",
                "libvpx-vp9",
                "-b:v",
                "0",
                "-crf",
                "50",
                "-row-mt",
                "1",
                "-c:a",
                "libopus",
                "-b:a",
                "16k",
                "-ac",
                "1",
                str(HERE / video["file"]),
            ],
            check=True,
        )
    lines = ["WEBVTT", ""]
    for number, (begin, end, text) in enumerate(cues, start=1):
        lines += [str(number), f"{timestamp(begin)} --> {timestamp(end)}", text, ""]
    (HERE / video["captions"]).write_text("\n".join(lines), encoding="utf-8")
    print(video["file"], (HERE / video["file"]).stat().st_size, "bytes")


if __name__ == "__main__":
    for story in STORIES:
        if "file" in story["video"]:
            make(story)
