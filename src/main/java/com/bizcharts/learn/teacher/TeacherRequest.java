package com.bizcharts.learn.teacher;

/**
 * One post to label.
 *
 * @param image     the thumbnail's bytes, or null when the post has no usable image (then only text is sent)
 * @param imageMime e.g. image/jpeg
 */
public record TeacherRequest(long threadId, String subject, String text, byte[] image, String imageMime) {

    public boolean hasImage() {
        return image != null && image.length > 0;
    }
}
