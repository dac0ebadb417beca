# CPU-only image: migrations, then the API as a non-root user.
# Not built in CI here (no Docker engine on these machines); see README.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    HF_HUB_OFFLINE=1 \
    JOBMATCH_DATABASE_URL=sqlite:////data/jobmatch.db

WORKDIR /srv/jobmatch

# The CPU build of torch from PyTorch's CPU index, pinned, so that the optional
# sentence-transformers encoder never drags in a multi-GB CUDA build.
RUN pip install --index-url https://download.pytorch.org/whl/cpu torch==2.13.0

COPY pyproject.toml README.md alembic.ini ./
COPY app ./app
COPY migrations ./migrations
COPY models ./models
RUN pip install '.[embeddings]'

RUN useradd --system --create-home --uid 10001 jobmatch && mkdir -p /data && chown jobmatch /data
USER jobmatch
VOLUME ["/data"]
EXPOSE 8000

CMD ["sh", "-c", "jobmatch migrate && exec jobmatch serve --host 0.0.0.0 --port 8000"]
