"""The Python module against the command-line program: same records, byte for byte."""
import datetime
import html
import json
import threading

import pytest

from conftest import write_jsonl


def page(example):
    """A news page around an example article: menus, the story, a footer."""
    paragraphs = "".join(f"<p>{html.escape(p)}</p>\n" for p in example["text"].split("\n") if p.strip())
    return (f"<!doctype html><html><head><title>{html.escape(example['title'])} - Example News</title>"
            f"<meta property=\"og:title\" content=\"{html.escape(example['title'])}\">"
            f"<meta property=\"article:published_time\" content=\"{example['date']}T06:30:00Z\"></head>"
            f"<body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>"
            f"<article><h1>{html.escape(example['title'])}</h1>{paragraphs}</article>"
            f"<footer><p>Example News, all rights reserved.</p></footer></body></html>")


def test_code_gives_the_record_of_the_command(pipeline, cli, examples, tmp_path):
    lines, _ = cli(write_jsonl(tmp_path / "examples.jsonl", examples))
    assert len(lines) == len(examples) == 12
    for example, line in zip(examples, lines):
        record = pipeline.code(example["text"], date=example["date"], title=example["title"], id=example["id"])
        assert record == json.loads(line)
    assert sum(len(json.loads(line)["events"]) for line in lines) > 0


def test_code_many_and_code_jsonl_equal_the_command_byte_for_byte(pipeline, cli, examples, tmp_path):
    path = write_jsonl(tmp_path / "examples.jsonl", examples)
    lines, _ = cli(path)
    assert pipeline.code_many(examples, threads=1, as_json=True) == lines
    assert pipeline.code_many(examples, threads=3) == [json.loads(line) for line in lines]
    with open(path, encoding="utf-8") as f:
        assert pipeline.code_jsonl(f, threads=2) == lines  # a file is an iterable of lines


def test_code_many_keeps_order_across_chunks_and_threads(pipeline, cli, examples, tmp_path):
    # 1,300 items: more than two chunks of 512, from a generator.
    items = [dict(e, id=f"{e['id']}-{k}") for k in range(109) for e in examples][:1300]
    lines, _ = cli(write_jsonl(tmp_path / "many.jsonl", items), threads=2)
    assert len(lines) == 1300
    got = pipeline.code_many((item for item in items), threads=2, as_json=True)
    assert got == lines
    assert [json.loads(line)["id"] for line in got[:3]] == [f"{e['id']}-0" for e in examples[:3]]


def test_plain_strings_are_texts(pipeline, examples):
    text = examples[0]["text"]
    assert pipeline.code_many([text], threads=1) == [pipeline.code(text)]


def test_reader_errors_are_exceptions_with_the_readers_message(annals_module, pipeline):
    with pytest.raises(annals_module.ReaderError) as empty:
        pipeline.code("  \n ")
    assert str(empty.value) == "text is empty"
    assert empty.value.code == "missing_text"
    assert isinstance(empty.value, ValueError) and isinstance(empty.value, annals_module.Error)

    with pytest.raises(annals_module.ReaderError) as missing:
        pipeline.code_many([{"text": "Police made arrests."}, {"id": "no-text", "title": "A title"}])
    assert str(missing.value) == 'item 1: no "text" field'

    with pytest.raises(annals_module.ReaderError) as broken:
        pipeline.code_jsonl(['{"text": "Police made arrests."}', '{"text": '])
    assert str(broken.value).startswith("item 1: not valid JSON (")
    assert broken.value.code == "invalid_json"

    with pytest.raises(annals_module.ReaderError) as surrogate:
        pipeline.code("Police \ud800 made arrests.")
    assert surrogate.value.code == "invalid_utf8"
    assert str(surrogate.value) == "not valid UTF-8 at byte 17 of the line"  # after {"text": "Police 

    with pytest.raises(annals_module.ReaderError) as pretty:
        pipeline.code_jsonl(['{\n"text": "x"}'])
    assert str(pretty.value) == "item 0: the line holds a line break; JSON Lines hold one object per line"

    kept = pipeline.code_jsonl(['{"text": "Police made arrests."}', "{bad", "", '{"text": "Riots broke out."}'],
                               errors="skip")
    assert [json.loads(line)["id"] for line in kept] == [
        json.loads(line)["id"] for line in pipeline.code_jsonl(['{"text": "Police made arrests."}',
                                                                '{"text": "Riots broke out."}'])]


def test_wrong_types_and_options_are_python_errors(pipeline):
    with pytest.raises(TypeError):
        pipeline.code(42)
    with pytest.raises(TypeError):
        pipeline.code_many([3.5])
    with pytest.raises(ValueError, match='errors must be "raise" or "skip"'):
        pipeline.code_many([], errors="ignore")
    with pytest.raises(TypeError, match="not JSON serializable"):
        pipeline.code_many([{"text": "x", "date": object()}])
    assert pipeline.code_many([]) == []


def test_dates_and_bad_dates_as_the_command_reads_them(pipeline, cli, tmp_path):
    text = "Police arrested 12 protesters in Lagos on Monday, officials said."
    assert pipeline.code(text, date=datetime.date(2021, 3, 4))["date"] == "2021-03-04"
    assert pipeline.code(text, date=datetime.datetime(2021, 3, 4, 22, 15))["date"] == "2021-03-04"
    items = [{"id": "a", "text": text, "date": "last week"}, {"id": "b", "text": text, "date": 20210304}]
    lines, _ = cli(write_jsonl(tmp_path / "dates.jsonl", items))
    records = pipeline.code_many(items)
    assert records == [json.loads(line) for line in lines]
    assert records[0]["warnings"] == ['field "date" is not a date ("last week"); ignored']
    assert records[1]["warnings"] == ['field "date" is not a string; ignored']


def test_html_items_are_read_like_the_commands_html_field(pipeline, cli, examples, tmp_path):
    items = [{"id": e["id"], "html": page(e)} for e in examples[:4]]
    lines, _ = cli(write_jsonl(tmp_path / "pages.jsonl", items))
    records = pipeline.code_many(items, threads=2)
    assert records == [json.loads(line) for line in lines]
    for example, record in zip(examples, records):
        assert record["title"] == example["title"]
        assert record["date"] == example["date"]
    # The page gives the same events as the text it holds.
    texts = pipeline.code_many([{"id": e["id"], "text": e["text"], "title": e["title"], "date": e["date"]}
                                for e in examples[:4]])
    assert [r["events"] for r in records] == [r["events"] for r in texts]


def test_pipelines_load_once_and_code_from_threads(annals_module, pipeline, examples):
    before = annals_module._pipelines_loaded()
    second = annals_module.Pipeline()
    assert annals_module._pipelines_loaded() == before + 1
    expected = second.code_many(examples, threads=1)
    results = [None] * 4

    def work(k):
        results[k] = pipeline.code_many(examples, threads=1)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [expected] * 4
    assert annals_module._pipelines_loaded() == before + 1  # coding loads nothing


def test_missing_resources_raise_resource_error(annals_module, tmp_path):
    with pytest.raises(annals_module.ResourceError) as error:
        annals_module.Pipeline(str(tmp_path))
    assert error.value.code == "missing_resource"
    assert str(tmp_path) in str(error.value)


def test_code_file_reads_what_the_command_reads(annals_module, pipeline, cli, examples, tmp_path):
    import gzip

    def record(uri, block):
        head = ("WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\nWARC-Date: 2024-01-02T03:04:05Z\r\n"
                "Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n" % (uri, len(block)))
        return head.encode() + block + b"\r\n\r\n"

    members = [gzip.compress(record(f"https://example.org/{e['id']}",
                                    b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page(e).encode()),
                             mtime=0) for e in examples[:3]]
    members[1] = members[1][:len(members[1]) // 2]  # a truncated member
    crawl = tmp_path / "crawl.warc.gz"
    crawl.write_bytes(b"".join(members))
    lines, err = cli(str(crawl))
    assert len(lines) == 2 and f"{crawl}:{len(members[0])}: gzip member is" in err
    assert pipeline.code_file(str(crawl), errors="skip", as_json=True) == lines
    assert [r["id"] for r in pipeline.code_file(str(crawl), threads=2, errors="skip")] == [
        f"https://example.org/{e['id']}" for e in (examples[0], examples[2])]
    with pytest.raises(annals_module.ReaderError) as error:
        pipeline.code_file(str(crawl))
    assert str(error.value).startswith(f"{crawl}:{len(members[0])}: gzip member is")
    assert error.value.code == "io"

    html_path = tmp_path / "story.html"
    html_path.write_text(page(examples[4]), encoding="utf-8")
    lines, _ = cli(str(html_path))
    assert pipeline.code_file(str(html_path)) == [json.loads(line) for line in lines]
    with pytest.raises(annals_module.ReaderError, match="no such file"):
        pipeline.code_file(str(tmp_path / "missing.jsonl"))
