-- Which phase of a remote run its step count belongs to: 'train' (train_vlm.py fine-tuning the VLM) or 'distil'
-- (export_student.py distilling the CPU student), so 'remote status' and a reopened Models view say "distil step 3/8"
-- rather than passing the student's steps off as training steps.
ALTER TABLE remote_runs ADD COLUMN stage TEXT NOT NULL DEFAULT 'train';
